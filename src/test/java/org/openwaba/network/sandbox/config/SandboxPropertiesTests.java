package org.openwaba.network.sandbox.config;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxPropertiesTests {

  @Test
  void acceptsZeroDelaysAndAOneMillisecondPollInterval() {
    assertThatNoException()
        .isThrownBy(
            () ->
                new SandboxProperties(
                    Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMillis(1), 1));
  }

  @Test
  void refusesANegativeDelayNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new SandboxProperties(
                    Duration.ZERO,
                    Duration.ofMillis(-1),
                    Duration.ZERO,
                    Duration.ofMillis(100),
                    256))
        .withMessageContaining("openwaba.sandbox.read-delay")
        .withMessageContaining("-0.001S");
  }

  @Test
  void refusesAPollIntervalShorterThanOneMillisecond() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new SandboxProperties(
                    Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 1))
        .withMessageContaining("openwaba.sandbox.poll-interval");
  }
}
