package org.openwaba.network.sandbox.delivery;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.network.sandbox.DeviceBehaviour;
import org.openwaba.network.sandbox.config.SandboxProperties;
import org.springframework.stereotype.Component;

/**
 * When a device sends its receipts, from its behaviour and the configured delays. Pure: it reads no
 * clock and no store. Thread-safe.
 */
@Component
public class ReceiptTimings {

  private final Duration deliveredDelay;
  private final Duration readDelay;
  private final Duration slowDeliveryDelay;

  ReceiptTimings(SandboxProperties properties) {
    this.deliveredDelay = properties.deliveredDelay();
    this.readDelay = properties.readDelay();
    this.slowDeliveryDelay = properties.slowDeliveryDelay();
  }

  /** How long after reaching an online device a message is delivered. */
  public Duration deliveryDelay(DeviceBehaviour behaviour) {
    return behaviour == DeviceBehaviour.SLOW ? slowDeliveryDelay : deliveredDelay;
  }

  /**
   * When a message delivered at {@code deliveredAt} is read, or null if the device never reads by
   * itself. Equal to {@code deliveredAt} when the read delay is zero.
   */
  public @Nullable Instant readDue(DeviceBehaviour behaviour, Instant deliveredAt) {
    return behaviour.readsByItself() ? deliveredAt.plus(readDelay) : null;
  }

  /** What happens to a message reaching a device at {@code now}. */
  public ArrivalPlan onArrival(DeviceBehaviour behaviour, boolean online, Instant now) {
    if (!online || behaviour == DeviceBehaviour.NOT_ON_WHATSAPP) {
      return ArrivalPlan.WAIT;
    }
    Duration delay = deliveryDelay(behaviour);
    if (!delay.isZero()) {
      return new ArrivalPlan(null, null, now.plus(delay), null);
    }
    Instant readDue = readDue(behaviour, now);
    if (readDue == null) {
      return new ArrivalPlan(now, null, null, null);
    }
    return readDue.equals(now)
        ? new ArrivalPlan(now, now, null, null)
        : new ArrivalPlan(now, null, null, readDue);
  }
}
