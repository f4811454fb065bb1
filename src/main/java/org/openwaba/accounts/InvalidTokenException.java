package org.openwaba.accounts;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/** Missing, malformed, unknown, expired or revoked credentials: HTTP 401, code 131030. */
public class InvalidTokenException extends ApiException {

  public InvalidTokenException(String details) {
    super(ErrorCode.AUTHENTICATION, ErrorCode.AUTHENTICATION.title(), details);
  }
}
