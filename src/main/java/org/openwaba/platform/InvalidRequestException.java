package org.openwaba.platform;

/** A request that fails validation; answered with HTTP 400 and code 132000. */
public class InvalidRequestException extends ApiException {

  public InvalidRequestException(String message, String details) {
    super(ErrorCode.VALIDATION, message, details);
  }
}
