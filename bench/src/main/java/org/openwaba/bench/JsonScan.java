package org.openwaba.bench;

import java.nio.charset.StandardCharsets;

/**
 * Allocation-free look-ups of top-level-ish string fields in small JSON response bodies, e.g.
 * {@code "status":"success"}. Not a JSON parser: it finds the first occurrence of the quoted key
 * followed by a colon, which is all the generator needs for the responses it checks.
 */
final class JsonScan {
  private JsonScan() {}

  /** True if the body has {@code "key": "value"} (whitespace around the colon allowed). */
  static boolean hasStringField(byte[] b, int len, byte[] quotedKey, byte[] quotedValue) {
    int v = valueStart(b, len, quotedKey);
    if (v < 0 || v + quotedValue.length > len) {
      return false;
    }
    for (int i = 0; i < quotedValue.length; i++) {
      if (b[v + i] != quotedValue[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The string value of {@code "key"}, or null if absent or not a string. Handles the simple
   * escapes {@code \" \\ \/}; others are kept verbatim.
   */
  static String stringField(byte[] b, int len, byte[] quotedKey) {
    int v = valueStart(b, len, quotedKey);
    if (v < 0 || v >= len || b[v] != '"') {
      return null;
    }
    StringBuilder sb = new StringBuilder(48);
    int start = v + 1;
    for (int i = start; i < len; i++) {
      byte c = b[i];
      if (c == '"') {
        if (sb.length() == 0) {
          return new String(b, start, i - start, StandardCharsets.UTF_8);
        }
        sb.append(new String(b, start, i - start, StandardCharsets.UTF_8));
        return sb.toString();
      }
      if (c == '\\' && i + 1 < len) {
        sb.append(new String(b, start, i - start, StandardCharsets.UTF_8));
        byte e = b[i + 1];
        if (e == '"' || e == '\\' || e == '/') {
          sb.append((char) e);
        } else {
          sb.append('\\').append((char) e);
        }
        i++;
        start = i + 1;
      }
    }
    return null;
  }

  /** Index of the first byte of the value after {@code "key"} and its colon, or -1. */
  private static int valueStart(byte[] b, int len, byte[] quotedKey) {
    int k = quotedKey.length;
    outer:
    for (int i = 0; i + k <= len; i++) {
      for (int j = 0; j < k; j++) {
        if (b[i + j] != quotedKey[j]) {
          continue outer;
        }
      }
      int p = skipWs(b, i + k, len);
      if (p < len && b[p] == ':') {
        return skipWs(b, p + 1, len);
      }
    }
    return -1;
  }

  private static int skipWs(byte[] b, int p, int len) {
    while (p < len && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r' || b[p] == '\n')) {
      p++;
    }
    return p;
  }

  static byte[] quoted(String s) {
    return ("\"" + s + "\"").getBytes(StandardCharsets.UTF_8);
  }
}
