package org.openwaba.platform;

/**
 * A request that fails validation: HTTP 400 and code 132000 on the seed's door; on the Cloud API
 * door 100, or 131008 / 131009 when constructed with {@link ErrorCode#MISSING_PARAMETER} or {@link
 * ErrorCode#INVALID_PARAMETER}.
 */
public class InvalidRequestException extends ApiException {

  public InvalidRequestException(String message, String details) {
    super(ErrorCode.VALIDATION, message, details);
  }

  /**
   * @param code one of the validation codes: {@link ErrorCode#VALIDATION}, {@link
   *     ErrorCode#MISSING_PARAMETER}, {@link ErrorCode#INVALID_PARAMETER} or {@link
   *     ErrorCode#UNSUPPORTED_MESSAGE_TYPE}
   */
  public InvalidRequestException(ErrorCode code, String message, String details) {
    super(code, message, details);
    if (code.status().value() != 400) {
      throw new IllegalArgumentException("not a validation code: " + code);
    }
  }
}
