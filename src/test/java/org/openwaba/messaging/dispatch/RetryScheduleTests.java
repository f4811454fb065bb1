package org.openwaba.messaging.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

  private static RetrySchedule schedule(double random) {
    return new RetrySchedule(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> random);
  }

  @Test
  void doublesTheDelayAfterEachAttempt() {
    assertThat(schedule(0.5).delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(schedule(0.5).delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(schedule(0.5).delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(schedule(0.5).delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
  }

  @Test
  void capsTheDelayAtTheMaximum() {
    assertThat(schedule(0.5).delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
    assertThat(schedule(0.5).delayAfter(1000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void jittersByAtMostTwentyPercentEitherWay() {
    assertThat(schedule(0.0).delayAfter(1)).isEqualTo(Duration.ofMillis(800));
    assertThat(schedule(1.0).delayAfter(1)).isEqualTo(Duration.ofMillis(1200));
    assertThat(schedule(0.0).delayAfter(1000)).isEqualTo(Duration.ofMinutes(4));
  }

  @Test
  void refusesAttemptsBelowOne() {
    assertThatThrownBy(() -> schedule(0.5).delayAfter(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 0");
  }

  @Test
  void refusesANonPositiveBaseOrAMaximumBelowIt() {
    assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), () -> 0.5))
        .hasMessageContaining("base delay must be positive");
    assertThatThrownBy(
            () -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0.5))
        .hasMessageContaining("shorter than base");
  }
}
