package org.openwaba.accounts;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/** The account or phone number does not exist, or is not the caller's: HTTP 404. */
public class AccountNotFoundException extends ApiException {

  public AccountNotFoundException(String what) {
    super(ErrorCode.NOT_FOUND, "Not found", what + " does not exist");
  }
}
