package org.openwaba.messaging.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openwaba.messaging.MessageStatus;

/** The SQL guard of status updates says exactly what MessageStatus.canMoveTo says. */
class StatusRanksTests {

  @Test
  void sqlGuardAgreesWithTheStatusRules() {
    for (MessageStatus from : MessageStatus.values()) {
      for (MessageStatus to : MessageStatus.values()) {
        int[] range = MessageStore.predecessorRanks(to);
        boolean sqlAllows = from.ordinal() >= range[0] && from.ordinal() < range[1];
        assertThat(sqlAllows).as(from + " -> " + to).isEqualTo(from.canMoveTo(to));
      }
    }
  }

  @Test
  void statusesOnlyMoveForwardAndFailOnlyBeforeDelivery() {
    assertThat(MessageStatus.SENT.canMoveTo(MessageStatus.DELIVERED)).isTrue();
    assertThat(MessageStatus.DELIVERED.canMoveTo(MessageStatus.SENT)).isFalse();
    assertThat(MessageStatus.SENT.canMoveTo(MessageStatus.READ)).isFalse();
    assertThat(MessageStatus.DELIVERED.canMoveTo(MessageStatus.FAILED)).isFalse();
    assertThat(MessageStatus.FAILED.canMoveTo(MessageStatus.DELIVERED)).isFalse();
    assertThat(MessageStatus.READ.canMoveTo(MessageStatus.READ)).isFalse();
  }
}
