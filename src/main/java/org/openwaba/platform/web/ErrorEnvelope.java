package org.openwaba.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The seed specification's error response: {@code status}, {@code code} (the HTTP status, as in the
 * seed's example), {@code message}, {@code details}, plus the numeric code of the error table in
 * {@code error_code} and the request id for support.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorEnvelope(
    String status,
    int code,
    @JsonProperty("error_code") int errorCode,
    String message,
    String details,
    @JsonProperty("request_id") @Nullable String requestId) {}
