package org.openwaba.platform;

import java.util.Map;
import java.util.Objects;

/**
 * Base of every exception a module throws to answer a request with an error envelope.
 *
 * <p>The message is the envelope's {@code message}; {@code details} says exactly what to fix.
 * Neither may contain secrets: both are returned to the client and logged.
 */
public abstract class ApiException extends RuntimeException {

  private final ErrorCode errorCode;
  private final String details;
  private final Map<String, String> headers;

  protected ApiException(ErrorCode errorCode, String message, String details) {
    this(errorCode, message, details, Map.of());
  }

  protected ApiException(
      ErrorCode errorCode, String message, String details, Map<String, String> headers) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    this.details = Objects.requireNonNull(details, "details");
    this.headers = Map.copyOf(headers);
  }

  /** The code and HTTP status of this error. */
  public ErrorCode errorCode() {
    return errorCode;
  }

  /** What exactly is wrong and how to fix it. */
  public String details() {
    return details;
  }

  /** Extra response headers, such as {@code Retry-After}. */
  public Map<String, String> headers() {
    return headers;
  }
}
