package org.openwaba.network;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a network learned about one message it was handed.
 *
 * @param at when it happened, on the server's clock
 * @param error set when, and only when, {@code status} is {@link DeliveryStatus#FAILED}
 */
public record DeliveryReport(
    String messageId, DeliveryStatus status, Instant at, @Nullable DeliveryError error) {

  public DeliveryReport {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    if ((status == DeliveryStatus.FAILED) != (error != null)) {
      throw new IllegalArgumentException(
          "an error must be given for FAILED and only for FAILED, status was " + status);
    }
  }
}
