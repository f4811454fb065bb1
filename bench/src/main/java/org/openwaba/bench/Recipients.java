package org.openwaba.bench;

import java.nio.charset.StandardCharsets;

/**
 * Recipient phone numbers the generator rotates through: {@code +14155550000} upward, only the last
 * four digits varying, so at most {@value #MAX_COUNT} distinct numbers.
 */
public final class Recipients {
  /** Country code, area code and exchange shared by every generated number. */
  public static final String PREFIX = "+1415555";

  /** Four varying digits allow this many distinct numbers. */
  public static final int MAX_COUNT = 10_000;

  private Recipients() {}

  /**
   * The {@code index}-th recipient, in E.164 form.
   *
   * @param index 0 .. {@value #MAX_COUNT}-1
   */
  public static String number(int index) {
    if (index < 0 || index >= MAX_COUNT) {
      throw new IllegalArgumentException(
          "recipient index must be 0.." + (MAX_COUNT - 1) + ", got " + index);
    }
    char[] c = new char[PREFIX.length() + 4];
    PREFIX.getChars(0, PREFIX.length(), c, 0);
    int v = index;
    for (int i = c.length - 1; i >= PREFIX.length(); i--) {
      c[i] = (char) ('0' + v % 10);
      v /= 10;
    }
    return new String(c);
  }

  /** ASCII bytes of the first {@code count} numbers, precomputed so requests need no formatting. */
  public static byte[][] table(int count) {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException(
          "recipient count must be 1.." + MAX_COUNT + ", got " + count);
    }
    byte[][] t = new byte[count][];
    for (int i = 0; i < count; i++) {
      t[i] = number(i).getBytes(StandardCharsets.US_ASCII);
    }
    return t;
  }

  /** Which recipient the request with sequence number {@code seq} goes to (round robin). */
  public static int indexFor(long seq, int count) {
    return (int) Math.floorMod(seq, (long) count);
  }
}
