package org.openwaba.compliance;

import java.util.Map;
import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/** The account sent more than its limit allows: HTTP 429, code 133000, with Retry-After. */
public class RateLimitExceededException extends ApiException {

  public RateLimitExceededException(int messagesPerSecond, long retryAfterSeconds) {
    super(
        ErrorCode.RATE_LIMITED,
        ErrorCode.RATE_LIMITED.title(),
        "This account may send "
            + messagesPerSecond
            + " messages per second; retry after "
            + retryAfterSeconds
            + " s or ask the operator for a higher limit",
        Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }
}
