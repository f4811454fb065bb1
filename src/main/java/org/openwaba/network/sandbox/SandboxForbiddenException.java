package org.openwaba.network.sandbox;

import org.openwaba.accounts.AccountId;
import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/** The account has no phone number on the sandbox network: HTTP 403, code 190403. */
public class SandboxForbiddenException extends ApiException {

  public SandboxForbiddenException(AccountId accountId) {
    super(
        ErrorCode.FORBIDDEN,
        "Sandbox not enabled",
        "The sandbox API is for accounts with a phone number on the sandbox network; account "
            + accountId
            + " has none");
  }
}
