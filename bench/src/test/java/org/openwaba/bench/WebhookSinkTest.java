package org.openwaba.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
