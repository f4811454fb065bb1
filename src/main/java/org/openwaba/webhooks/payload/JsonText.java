package org.openwaba.webhooks.payload;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes JSON byte-exactly as JavaScript's {@code JSON.stringify} does, and turns such text into
 * Meta's escaped form.
 *
 * <p>Written here rather than taken from Jackson because webhook signatures cover the exact bytes
 * and receivers recompute them two ways: over the raw body (Meta's form, whose non-ASCII characters
 * must be lowercase {@code \\uXXXX}; Jackson escapes in uppercase) and over {@code
 * JSON.stringify(JSON.parse(body))} (which escapes only quotes, backslashes, control characters and
 * lone surrogates). Values are maps (written in their iteration order), lists, strings, booleans,
 * integers and nulls.
 */
public final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** The value as {@code JSON.stringify} writes it: compact, UTF-8 characters unescaped. */
  public static String stringify(@Nullable Object value) {
    StringBuilder out = new StringBuilder(256);
    write(out, value);
    return out.toString();
  }

  /**
   * Meta's form of JSON text: every character outside ASCII escaped as lowercase {@code \\uXXXX},
   * astral characters as their two surrogates. Valid for any JSON text, because outside strings
   * JSON has only ASCII characters.
   */
  public static String escapeNonAscii(String json) {
    int i = 0;
    while (i < json.length() && json.charAt(i) < 0x80) {
      i++;
    }
    if (i == json.length()) {
      return json;
    }
    StringBuilder out = new StringBuilder(json.length() + 32);
    out.append(json, 0, i);
    for (; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c < 0x80) {
        out.append(c);
      } else {
        unicodeEscape(out, c);
      }
    }
    return out.toString();
  }

  private static void write(StringBuilder out, @Nullable Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Integer || value instanceof Long) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Double d) {
      number(out, d);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (entry.getValue() == null) {
          continue;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        string(out, (String) entry.getKey());
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i));
      }
      out.append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /** Numbers as JavaScript prints them, for the plain-notation range coordinates live in. */
  private static void number(StringBuilder out, double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      out.append("null");
    } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      out.append((long) d);
    } else if (Math.abs(d) >= 1e-6 && Math.abs(d) < 1e21) {
      out.append(new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString());
    } else {
      throw new IllegalArgumentException("number outside the supported range: " + d);
    }
  }

  /** Appends the string as a JSON string literal, as {@code JSON.stringify} writes it. */
  public static void appendString(StringBuilder out, String s) {
    string(out, s);
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    int plain = plainPrefix(s);
    out.append(s, 0, plain);
    for (int i = plain; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            unicodeEscape(out, c);
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            unicodeEscape(out, c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * How many leading characters need no escaping, so that they can be appended in one step: event
   * values are built while the store's write lock is held, and most of their strings are plain.
   */
  private static int plainPrefix(String s) {
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
        break;
      }
      i++;
    }
    return i;
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
