package org.openwaba.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSinkTest {

  @Test
  void readsTheAcceptanceTimeFromTheFirstSixBytesOfAnId() {
    long millis = 1_795_000_000_123L;
    byte[] bytes = new byte[16];
    long time = millis;
    for (int i = 5; i >= 0; i--) {
      bytes[i] = (byte) time;
      time >>>= 8;
    }
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assertEquals(millis, WebhookSink.acceptedAt(id.substring(0, 8)));
  }

  @Test
  void drainCountsFromTheReleaseToTheLastSecondThatBroughtEvents() {
    long second = 1_000_000_000L;
    WebhookSink.Drain drain = new WebhookSink.Drain(10 * second);
    drain.second(9 * second, 500, 100); // held: a trickle before the release does not count
    drain.second(11 * second, 20_500, 20_000);
    drain.second(12 * second, 40_500, 20_000);
    drain.second(13 * second, 40_500, 0);
    drain.second(14 * second, 40_500, 0);
    assertEquals("DRAIN events/s 20000 (40000 events in 2.0 s after the release)", drain.result());
  }

  @Test
  void drainSaysSoWhenNothingArrivedAfterTheRelease() {
    WebhookSink.Drain drain = new WebhookSink.Drain(10);
    drain.second(5, 100, 100);
    assertTrue(drain.result().contains("no events"), drain.result());
  }
}
