package org.openwaba.network.sandbox.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.network.sandbox.DeviceBehaviour.DEFAULT;
import static org.openwaba.network.sandbox.DeviceBehaviour.NEVER_READS;
import static org.openwaba.network.sandbox.DeviceBehaviour.NOT_ON_WHATSAPP;
import static org.openwaba.network.sandbox.DeviceBehaviour.OFFLINE;
import static org.openwaba.network.sandbox.DeviceBehaviour.SLOW;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openwaba.network.sandbox.config.SandboxProperties;

class ReceiptTimingsTests {

  static final Instant NOW = Instant.parse("2025-04-27T12:00:00Z");

  static ReceiptTimings timings(long deliveredMs, long readMs, long slowMs) {
    return new ReceiptTimings(
        new SandboxProperties(
            Duration.ofMillis(deliveredMs),
            Duration.ofMillis(readMs),
            Duration.ofMillis(slowMs),
            Duration.ofMillis(100),
            256));
  }

  @Test
  void schedulesDeliveryAfterTheDeliveredDelay() {
    ArrivalPlan plan = timings(1000, 3000, 10_000).onArrival(DEFAULT, true, NOW);

    assertThat(plan).isEqualTo(new ArrivalPlan(null, null, NOW.plusSeconds(1), null));
  }

  @Test
  void schedulesSlowDeliveryAfterTheSlowDelay() {
    ArrivalPlan plan = timings(1000, 3000, 10_000).onArrival(SLOW, true, NOW);

    assertThat(plan.deliveredDue()).isEqualTo(NOW.plusSeconds(10));
  }

  @Test
  void deliversAndReadsAtOnceWhenBothDelaysAreZero() {
    ArrivalPlan plan = timings(0, 0, 10_000).onArrival(DEFAULT, true, NOW);

    assertThat(plan).isEqualTo(new ArrivalPlan(NOW, NOW, null, null));
  }

  @Test
  void deliversAtOnceAndSchedulesTheReadWhenOnlyTheReadDelayIsSet() {
    ArrivalPlan plan = timings(0, 3000, 10_000).onArrival(DEFAULT, true, NOW);

    assertThat(plan).isEqualTo(new ArrivalPlan(NOW, null, null, NOW.plusSeconds(3)));
  }

  @Test
  void neverPlansAReadForANeverReadsDevice() {
    assertThat(timings(0, 0, 0).onArrival(NEVER_READS, true, NOW))
        .isEqualTo(new ArrivalPlan(NOW, null, null, null));
    assertThat(timings(0, 0, 0).readDue(NEVER_READS, NOW)).isNull();
  }

  @Test
  void waitsWhileTheDeviceIsOffline() {
    assertThat(timings(0, 0, 0).onArrival(OFFLINE, false, NOW)).isEqualTo(ArrivalPlan.WAIT);
    assertThat(timings(0, 0, 0).onArrival(DEFAULT, false, NOW)).isEqualTo(ArrivalPlan.WAIT);
  }

  @Test
  void deliversToTheOfflineNumberOnceItIsOnline() {
    assertThat(timings(0, 0, 0).onArrival(OFFLINE, true, NOW))
        .isEqualTo(new ArrivalPlan(NOW, NOW, null, null));
  }

  @Test
  void neverDeliversToTheNotOnWhatsAppNumber() {
    assertThat(timings(0, 0, 0).onArrival(NOT_ON_WHATSAPP, true, NOW)).isEqualTo(ArrivalPlan.WAIT);
  }

  @Test
  void readsTheReadDelayAfterDelivery() {
    assertThat(timings(1000, 3000, 10_000).readDue(DEFAULT, NOW)).isEqualTo(NOW.plusSeconds(3));
    assertThat(timings(1000, 0, 10_000).readDue(SLOW, NOW)).isEqualTo(NOW);
  }

  @Test
  void usesTheDeliveredDelayForEveryDeviceButTheSlowOne() {
    ReceiptTimings timings = timings(1000, 3000, 10_000);

    assertThat(timings.deliveryDelay(OFFLINE)).isEqualTo(Duration.ofSeconds(1));
    assertThat(timings.deliveryDelay(NEVER_READS)).isEqualTo(Duration.ofSeconds(1));
    assertThat(timings.deliveryDelay(SLOW)).isEqualTo(Duration.ofSeconds(10));
  }
}
