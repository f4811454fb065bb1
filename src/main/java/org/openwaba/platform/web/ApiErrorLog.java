package org.openwaba.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.openwaba.platform.ApiRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes one structured line per API error: error code and message, method and path, caller,
 * request id and a short excerpt of the body (the timestamp comes from the log pattern). Values of
 * JSON fields whose names suggest a secret, anything shaped like a bearer token, and the query of
 * any URL (where signed media links carry their signature) are masked.
 */
@Component
class ApiErrorLog {

  private static final Logger log = LoggerFactory.getLogger("openwaba.api.errors");
  private static final int EXCERPT_CHARS = 200;
  private static final Pattern SECRET_FIELD =
      Pattern.compile(
          "(\"[^\"]*(?i:token|secret|key|password|authorization)[^\"]*\"\\s*:\\s*)\"[^\"]*\"");
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");

  /** A URL's query: signed media links carry their credentials there. */
  private static final Pattern URL_QUERY =
      Pattern.compile("(?i)(https?://[^\\s\"?#]*)\\?[^\\s\"]*");

  void record(
      HttpServletRequest request,
      int status,
      int errorCode,
      String message,
      String details,
      String requestId) {
    Object caller = request.getAttribute(ApiRequests.CALLER);
    log.warn(
        "api_error status={} error_code={} method={} path={} caller={} request_id={}"
            + " message=\"{}\" details=\"{}\" body=\"{}\"",
        status,
        errorCode,
        request.getMethod(),
        quoteSafe(request.getRequestURI()),
        caller == null ? "-" : caller,
        requestId,
        quoteSafe(message),
        quoteSafe(details),
        excerpt(request));
  }

  static String excerpt(HttpServletRequest request) {
    Object body = request.getAttribute(RequestBodyFilter.BODY_ATTRIBUTE);
    if (!(body instanceof byte[] bytes) || bytes.length == 0) {
      return "";
    }
    int length = Math.min(bytes.length, EXCERPT_CHARS * 4);
    String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
    text = SECRET_FIELD.matcher(text).replaceAll("$1\"***\"");
    text = BEARER.matcher(text).replaceAll("Bearer ***");
    text = URL_QUERY.matcher(text).replaceAll("$1?***");
    if (text.codePointCount(0, text.length()) > EXCERPT_CHARS) {
      text = text.substring(0, text.offsetByCodePoints(0, EXCERPT_CHARS)) + "…";
    }
    return quoteSafe(text);
  }

  private static String quoteSafe(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> out.append(c < 0x20 ? ' ' : c);
      }
    }
    return out.toString();
  }
}
