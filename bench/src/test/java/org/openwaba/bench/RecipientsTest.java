package org.openwaba.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RecipientsTest {
  /** E.164: '+', a non-zero country-code digit, at most 15 digits in all. */
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

  @Test
  void firstAndLastNumbers() {
    assertEquals("+14155550000", Recipients.number(0));
    assertEquals("+14155550007", Recipients.number(7));
    assertEquals("+14155550999", Recipients.number(999));
    assertEquals("+14155559999", Recipients.number(9999));
  }

  @Test
  void everyNumberIsValidE164InRangeAndDistinct() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < Recipients.MAX_COUNT; i++) {
      String n = Recipients.number(i);
      assertTrue(E164.matcher(n).matches(), n);
      assertEquals(12, n.length(), n);
      assertTrue(n.startsWith("+1415555"), n);
      long value = Long.parseLong(n.substring(1));
      assertTrue(value >= 14155550000L && value <= 14155559999L, n);
      assertEquals(14155550000L + i, value);
      assertTrue(seen.add(n), "duplicate " + n);
    }
  }

  @Test
  void outOfRangeIndexesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Recipients.number(-1));
    assertThrows(IllegalArgumentException.class, () -> Recipients.number(10_000));
    assertThrows(IllegalArgumentException.class, () -> Recipients.table(0));
    assertThrows(IllegalArgumentException.class, () -> Recipients.table(10_001));
  }

  @Test
  void tableHoldsExactlyTheFirstCountNumbersAsAscii() {
    byte[][] t = Recipients.table(1000);
    assertEquals(1000, t.length);
    for (int i = 0; i < t.length; i++) {
      assertArrayEquals(Recipients.number(i).getBytes(StandardCharsets.US_ASCII), t[i]);
    }
    assertEquals("+14155550999", new String(t[999], StandardCharsets.US_ASCII));
  }

  @Test
  void sequenceNumbersRotateThroughAllRecipients() {
    assertEquals(0, Recipients.indexFor(0, 1000));
    assertEquals(999, Recipients.indexFor(999, 1000));
    assertEquals(0, Recipients.indexFor(1000, 1000));
    assertEquals(1, Recipients.indexFor(2001, 1000));
    assertEquals(0, Recipients.indexFor(12345, 1));
    Set<Integer> hit = new HashSet<>();
    for (long s = 0; s < 3 * 7; s++) {
      int i = Recipients.indexFor(s, 7);
      assertTrue(i >= 0 && i < 7);
      hit.add(i);
    }
    assertEquals(7, hit.size());
    int big = Recipients.indexFor(Long.MAX_VALUE, 1000);
    assertTrue(big >= 0 && big < 1000);
  }
}
