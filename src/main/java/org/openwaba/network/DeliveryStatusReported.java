package org.openwaba.network;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A network learned something about a message it was handed. Published synchronously inside the
 * network's transaction, so that the listener's status change commits or rolls back with it.
 *
 * @param error set when, and only when, {@code status} is {@link DeliveryStatus#FAILED}
 */
public record DeliveryStatusReported(
    String messageId, DeliveryStatus status, Instant at, @Nullable DeliveryError error) {

  public DeliveryStatusReported {
    if ((status == DeliveryStatus.FAILED) != (error != null)) {
      throw new IllegalArgumentException(
          "an error must be given for FAILED and only for FAILED, status was " + status);
    }
  }
}
