package org.openwaba.network.sandbox.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the sandbox network, under {@code openwaba.sandbox}. Delays are measured from the
 * moment the previous step happened on the server's clock; a zero delay applies the step at once,
 * in the transaction that caused it.
 *
 * @param deliveredDelay how long after a message reaches an online device it is reported delivered;
 *     zero reports it inside {@code deliver()} itself
 * @param readDelay how long after delivery a device that reads by itself reports the message read;
 *     zero reports it together with the delivery
 * @param slowDeliveryDelay the delivery delay of the slow magic number {@code +12025550104}
 * @param pollInterval how often the receipt worker looks for receipts that came due; a receipt is
 *     reported at most this much later than its delay says
 * @param batchSize the most receipts the worker applies in one transaction; larger batches raise
 *     throughput, smaller ones hold SQLite's single write lock for less time
 */
@Validated
@ConfigurationProperties("openwaba.sandbox")
public record SandboxProperties(
    @DefaultValue("1s") Duration deliveredDelay,
    @DefaultValue("3s") Duration readDelay,
    @DefaultValue("10s") Duration slowDeliveryDelay,
    @DefaultValue("100ms") Duration pollInterval,
    @DefaultValue("256") @Min(1) @Max(10_000) int batchSize) {

  public SandboxProperties {
    requireNotNegative(deliveredDelay, "delivered-delay");
    requireNotNegative(readDelay, "read-delay");
    requireNotNegative(slowDeliveryDelay, "slow-delivery-delay");
    if (pollInterval.toMillis() < 1) {
      throw new IllegalArgumentException(
          "openwaba.sandbox.poll-interval must be at least 1ms, was " + pollInterval);
    }
  }

  private static void requireNotNegative(Duration delay, String name) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException(
          "openwaba.sandbox." + name + " must not be negative, was " + delay);
    }
  }
}
