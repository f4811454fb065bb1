package org.openwaba.messaging;

import java.util.Objects;

/**
 * Identifies a message: {@code wamid.} followed by URL-safe base64, like Meta's ids. Clients treat
 * it as opaque.
 */
public record MessageId(String value) {

  private static final String PREFIX = "wamid.";
  private static final int MAX_BODY = 200;

  public MessageId {
    Objects.requireNonNull(value, "value");
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("not a message id: '" + value + "'");
    }
  }

  /** Whether the text has the form of a message id; says nothing about whether it exists. */
  public static boolean isWellFormed(String value) {
    // A loop rather than a regular expression: ids are checked on every status change, inside
    // the sends' group commit, where a regex's character-class matching cost 10% of its CPU.
    int length = value.length();
    if (!value.startsWith(PREFIX)
        || length == PREFIX.length()
        || length > PREFIX.length() + MAX_BODY) {
      return false;
    }
    for (int i = PREFIX.length(); i < length; i++) {
      if (!isBodyChar(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBodyChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '='
        || c == '-';
  }

  @Override
  public String toString() {
    return value;
  }
}
