package org.openwaba.platform;

import org.springframework.http.HttpStatus;

/**
 * Every error the API can answer with: the numeric code clients branch on, the HTTP status and a
 * short title.
 *
 * <p>The first four are the seed specification's "Common Errors" table. Codes 19xxxx are OpenWABA's
 * extensions for situations the seed has no code for; their last three digits repeat the HTTP
 * status. The full table is published in {@code docs/error-codes.md}.
 */
public enum ErrorCode {
  /** Missing, malformed, unknown, expired or revoked credentials. */
  AUTHENTICATION(131030, HttpStatus.UNAUTHORIZED, "Invalid or expired access token"),
  /** Any request that fails validation: the details say what to fix. */
  VALIDATION(132000, HttpStatus.BAD_REQUEST, "Invalid request"),
  /** Too many requests for the account (or, unauthenticated, for the client address). */
  RATE_LIMITED(133000, HttpStatus.TOO_MANY_REQUESTS, "Rate limit exceeded"),
  /** Template not approved or not found. */
  TEMPLATE_UNAVAILABLE(134000, HttpStatus.NOT_FOUND, "Template not approved or not found"),
  /**
   * Media that cannot be used: too large, empty, truncated, of a type other than the one declared,
   * or not fetchable from its URL. Meta's code for a media upload error (reference/cloud-api.md
   * §3.3); the details name what was found.
   */
  MEDIA_REJECTED(131053, HttpStatus.BAD_REQUEST, "Media upload error"),
  /** The credentials are valid but do not allow this operation. */
  FORBIDDEN(190403, HttpStatus.FORBIDDEN, "Operation not allowed"),
  /** The resource does not exist or belongs to another account. */
  NOT_FOUND(190404, HttpStatus.NOT_FOUND, "Resource not found"),
  /** The path exists but not for this HTTP method. */
  METHOD_NOT_ALLOWED(190405, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  /** The client asked for a representation other than JSON. */
  NOT_ACCEPTABLE(190406, HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
  /** The request conflicts with existing state, such as a duplicate phone number. */
  CONFLICT(190409, HttpStatus.CONFLICT, "Conflict"),
  /** A webhook endpoint did not pass the verification handshake. */
  WEBHOOK_VERIFICATION_FAILED(
      190422, HttpStatus.UNPROCESSABLE_CONTENT, "Webhook verification failed"),
  /** The request body is larger than the configured limit. */
  PAYLOAD_TOO_LARGE(190413, HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
  /** The request body is not in a content type the endpoint accepts. */
  UNSUPPORTED_MEDIA_TYPE(190415, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
  /** An unexpected failure on the server; the request id identifies it in the log. */
  INTERNAL(190500, HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error"),
  /** The server is overloaded or its store is unreachable; retry later. */
  UNAVAILABLE(190503, HttpStatus.SERVICE_UNAVAILABLE, "Service temporarily unavailable");

  private final int code;
  private final HttpStatus status;
  private final String title;

  ErrorCode(int code, HttpStatus status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  /** The numeric code published in the error table, such as 132000. */
  public int code() {
    return code;
  }

  /** The HTTP status this error is answered with. */
  public HttpStatus status() {
    return status;
  }

  /** A short, stable, human-readable title. */
  public String title() {
    return title;
  }
}
