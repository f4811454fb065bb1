package org.openwaba.webhooks.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteEventLogTests extends EventLogContract {

  @Test
  void theOnlyServerAlwaysHoldsTheReadersLease() {
    Instant now = Instant.now();
    assertThat(log.lease(registration, "a", now.plusSeconds(60), now)).isTrue();
    assertThat(log.lease(registration, "b", now.plusSeconds(60), now)).isTrue();
  }
}
