package org.openwaba.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Meta's Graph API error envelope, answered on every failure of the Cloud API door (reference
 * §3.1): {@code {"error": {message, type, code, error_subcode?, error_data, fbtrace_id}}}. The
 * trace id is the request id, so that a client's report can be found in the log.
 */
record GraphErrorEnvelope(GraphError error) {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record GraphError(
      String message,
      String type,
      int code,
      @JsonProperty("error_subcode") @Nullable Integer errorSubcode,
      @JsonProperty("error_data") ErrorData errorData,
      @JsonProperty("fbtrace_id") String fbtraceId) {}

  record ErrorData(@JsonProperty("messaging_product") String messagingProduct, String details) {}

  static GraphErrorEnvelope of(
      int code, @Nullable Integer subcode, String title, String details, String traceId) {
    return new GraphErrorEnvelope(
        new GraphError(
            "(#" + code + ") " + title,
            "OAuthException",
            code,
            subcode,
            new ErrorData("whatsapp", details),
            traceId));
  }
}
