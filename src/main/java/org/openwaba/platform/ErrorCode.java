package org.openwaba.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Every error the API can answer with, in both dialects: the seed's numeric code and HTTP status,
 * and the code, HTTP status and title the Cloud API door answers with instead (Meta's numbers).
 *
 * <p>The first four are the seed specification's "Common Errors" table. Codes 19xxxx are OpenWABA's
 * extensions for situations the seed has no code for; their last three digits repeat the HTTP
 * status. Several conditions share a seed code but not a Meta code (a missing parameter is 131008
 * for Meta, an invalid value 131009, anything else invalid 100). Both tables are published in
 * {@code docs/error-codes.md}; the Meta numbers follow {@code reference/cloud-api.md} §3.3–3.4.
 */
public enum ErrorCode {
  /** Missing, malformed, unknown, expired or revoked credentials. */
  AUTHENTICATION(
      131030,
      HttpStatus.UNAUTHORIZED,
      "Invalid or expired access token",
      new Meta(190, null, HttpStatus.UNAUTHORIZED, "Invalid OAuth access token")),
  /** Any request that fails validation: the details say what to fix. */
  VALIDATION(
      132000,
      HttpStatus.BAD_REQUEST,
      "Invalid request",
      new Meta(100, null, HttpStatus.BAD_REQUEST, "Invalid parameter")),
  /** Too many requests for the account (or, unauthenticated, for the client address). */
  RATE_LIMITED(
      133000,
      HttpStatus.TOO_MANY_REQUESTS,
      "Rate limit exceeded",
      new Meta(130429, null, HttpStatus.TOO_MANY_REQUESTS, "Rate limit hit")),
  /** Template not approved or not found. */
  TEMPLATE_UNAVAILABLE(
      134000,
      HttpStatus.NOT_FOUND,
      "Template not approved or not found",
      new Meta(
          132001, null, HttpStatus.NOT_FOUND, "Template name does not exist in the translation")),
  /**
   * A template paused for low quality: the seed's 134000 (not approved), Meta's 132015. The seed
   * door answers 404 like every other 134000, so a seed client handles one pair of numbers.
   */
  TEMPLATE_PAUSED(
      134000,
      HttpStatus.NOT_FOUND,
      "Template not approved or not found",
      new Meta(132015, null, HttpStatus.BAD_REQUEST, "Template is paused")),
  /** A template disabled after repeated pauses: the seed's 134000, Meta's 132016. */
  TEMPLATE_DISABLED(
      134000,
      HttpStatus.NOT_FOUND,
      "Template not approved or not found",
      new Meta(132016, null, HttpStatus.BAD_REQUEST, "Template is disabled")),
  /**
   * A template message's parameters do not match the template's placeholders, buttons or header in
   * number or type: the seed's 132000 (validation), Meta's 132000, which means exactly this there.
   */
  TEMPLATE_PARAMETERS(
      132000,
      HttpStatus.BAD_REQUEST,
      "Invalid request",
      new Meta(132000, null, HttpStatus.BAD_REQUEST, "Template Param Count Mismatch")),
  /** A template's text with its parameters filled in is over Meta's limit: Meta's 132005. */
  TEMPLATE_TEXT_TOO_LONG(
      132000,
      HttpStatus.BAD_REQUEST,
      "Invalid request",
      new Meta(132005, null, HttpStatus.BAD_REQUEST, "Template hydrated text too long")),
  /**
   * Media that cannot be used: too large, empty, truncated, of a type other than the one declared,
   * or not fetchable from its URL. Meta's code for a media upload error (reference/cloud-api.md
   * §3.3), the same on both doors; the details name what was found.
   */
  MEDIA_REJECTED(
      131053,
      HttpStatus.BAD_REQUEST,
      "Media upload error",
      new Meta(131053, null, HttpStatus.BAD_REQUEST, "Media upload error")),
  /** The credentials are valid but do not allow this operation. */
  FORBIDDEN(
      190403,
      HttpStatus.FORBIDDEN,
      "Operation not allowed",
      new Meta(10, null, HttpStatus.FORBIDDEN, "Permission denied")),
  /** The resource does not exist or belongs to another account. */
  NOT_FOUND(
      190404,
      HttpStatus.NOT_FOUND,
      "Resource not found",
      // Graph answers an unknown or foreign node id with 100 and subcode 33, status 400.
      new Meta(
          100,
          33,
          HttpStatus.BAD_REQUEST,
          "Unsupported request: the object does not exist, cannot be loaded due to missing"
              + " permissions, or does not support this operation")),
  /** The path exists but not for this HTTP method. */
  METHOD_NOT_ALLOWED(
      190405,
      HttpStatus.METHOD_NOT_ALLOWED,
      "Method not allowed",
      new Meta(100, null, HttpStatus.METHOD_NOT_ALLOWED, "Unsupported request method")),
  /** The client asked for a representation other than JSON. */
  NOT_ACCEPTABLE(
      190406,
      HttpStatus.NOT_ACCEPTABLE,
      "Not acceptable",
      new Meta(100, null, HttpStatus.NOT_ACCEPTABLE, "Invalid parameter")),
  /** The request conflicts with existing state, such as a duplicate phone number. */
  CONFLICT(
      190409,
      HttpStatus.CONFLICT,
      "Conflict",
      new Meta(100, null, HttpStatus.BAD_REQUEST, "Invalid parameter")),
  /** A webhook endpoint did not pass the verification handshake. */
  WEBHOOK_VERIFICATION_FAILED(
      190422,
      HttpStatus.UNPROCESSABLE_CONTENT,
      "Webhook verification failed",
      new Meta(100, null, HttpStatus.BAD_REQUEST, "Invalid parameter")),
  /** The request body is larger than the configured limit. */
  PAYLOAD_TOO_LARGE(
      190413,
      HttpStatus.CONTENT_TOO_LARGE,
      "Payload too large",
      new Meta(100, null, HttpStatus.CONTENT_TOO_LARGE, "Invalid parameter")),
  /** The request body is not in a content type the endpoint accepts. */
  UNSUPPORTED_MEDIA_TYPE(
      190415,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      "Unsupported media type",
      new Meta(100, null, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Invalid parameter")),
  /** An unexpected failure on the server; the request id identifies it in the log. */
  INTERNAL(
      190500,
      HttpStatus.INTERNAL_SERVER_ERROR,
      "Internal server error",
      new Meta(131000, null, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong")),
  /** The server is overloaded or its store is unreachable; retry later. */
  UNAVAILABLE(
      190503,
      HttpStatus.SERVICE_UNAVAILABLE,
      "Service temporarily unavailable",
      new Meta(131016, null, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable")),
  /** A required field or parameter is missing: the seed's 132000, Meta's 131008. */
  MISSING_PARAMETER(
      132000,
      HttpStatus.BAD_REQUEST,
      "Invalid request",
      new Meta(131008, null, HttpStatus.BAD_REQUEST, "Required parameter is missing")),
  /** A field has a value that is not allowed: the seed's 132000, Meta's 131009. */
  INVALID_PARAMETER(
      132000,
      HttpStatus.BAD_REQUEST,
      "Invalid request",
      new Meta(131009, null, HttpStatus.BAD_REQUEST, "Parameter value is not valid")),
  /**
   * A new template's name already exists in that language: the seed's 190409 (409), Meta's 100 with
   * subcode 2388024 ("Content in this language already exists").
   */
  TEMPLATE_EXISTS(
      190409,
      HttpStatus.CONFLICT,
      "Conflict",
      new Meta(100, 2388024, HttpStatus.BAD_REQUEST, "Invalid parameter")),
  /** A message type this server does not send (yet): the seed's 132000, Meta's 131051. */
  UNSUPPORTED_MESSAGE_TYPE(
      132000,
      HttpStatus.BAD_REQUEST,
      "Invalid request",
      new Meta(131051, null, HttpStatus.BAD_REQUEST, "Unsupported message type"));

  /**
   * How the Cloud API door answers an error: Meta's code, optional Graph subcode, HTTP status and
   * title (the envelope's message is {@code "(#code) title"}).
   */
  public record Meta(int code, @Nullable Integer subcode, HttpStatus status, String title) {}

  private final int code;
  private final HttpStatus status;
  private final String title;
  private final Meta meta;

  ErrorCode(int code, HttpStatus status, String title, Meta meta) {
    this.code = code;
    this.status = status;
    this.title = title;
    this.meta = meta;
  }

  /** The numeric code published in the seed's error table, such as 132000. */
  public int code() {
    return code;
  }

  /** The HTTP status this error is answered with on the seed's door. */
  public HttpStatus status() {
    return status;
  }

  /** A short, stable, human-readable title. */
  public String title() {
    return title;
  }

  /** Meta's code, subcode, HTTP status and title for this error, for the Cloud API door. */
  public Meta meta() {
    return meta;
  }
}
