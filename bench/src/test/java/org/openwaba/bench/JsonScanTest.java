package org.openwaba.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonScanTest {
  private static final byte[] STATUS = JsonScan.quoted("status");
  private static final byte[] SUCCESS = JsonScan.quoted("success");
  private static final byte[] MESSAGE_ID = JsonScan.quoted("message_id");

  private static boolean success(String json) {
    byte[] b = (json + "garbage-after-length").getBytes(StandardCharsets.UTF_8);
    return JsonScan.hasStringField(b, json.length(), STATUS, SUCCESS);
  }

  private static String messageId(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return JsonScan.stringField(b, b.length, MESSAGE_ID);
  }

  @Test
  void recognisesSuccessWithOrWithoutWhitespace() {
    assertTrue(success("{\"status\":\"success\",\"message_id\":\"wamid.1\"}"));
    assertTrue(success("{ \"status\" :\n \"success\" }"));
    assertTrue(success("{\"label\":\"status\",\"status\":\"success\"}"));
  }

  @Test
  void rejectsOtherStatusesAndMissingOrTruncatedField() {
    assertFalse(success("{\"status\":\"error\"}"));
    assertFalse(success("{\"status\":\"successful\"}"));
    assertFalse(success("{\"status\":\"successful\"}".substring(0, 18)));
    assertFalse(success("{\"state\":\"success\"}"));
    assertFalse(success("{\"status\":true}"));
    assertFalse(success("{\"status\":\"succ"));
    assertFalse(success(""));
  }

  @Test
  void extractsMessageIds() {
    assertEquals(
        "wamid.HBgLMTQxNTU1NTAwMDAVAgARGBI=",
        messageId(
            "{\"status\":\"success\",\"message_id\": \"wamid.HBgLMTQxNTU1NTAwMDAVAgARGBI=\"}"));
    assertEquals("a\"b/c\\d", messageId("{\"message_id\":\"a\\\"b\\/c\\\\d\"}"));
    assertNull(messageId("{\"status\":\"success\"}"));
    assertNull(messageId("{\"message_id\":42}"));
    assertNull(messageId("{\"message_id\":\"unterminated"));
  }
}
