package org.openwaba.network.sandbox.delivery;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a message the moment it reaches a device: the steps that happen at once (their
 * times are set) and the receipts to queue for later (their due times are set). At most one of
 * {@code deliveredAt} and {@code deliveredDue} is set, and the read step only follows a delivery
 * that happens at once.
 */
public record ArrivalPlan(
    @Nullable Instant deliveredAt,
    @Nullable Instant readAt,
    @Nullable Instant deliveredDue,
    @Nullable Instant readDue) {

  /** The message waits: the device is offline. */
  public static final ArrivalPlan WAIT = new ArrivalPlan(null, null, null, null);
}
