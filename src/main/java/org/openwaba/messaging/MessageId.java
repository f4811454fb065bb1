package org.openwaba.messaging;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies a message: {@code wamid.} followed by URL-safe base64, like Meta's ids. Clients treat
 * it as opaque.
 */
public record MessageId(String value) {

  private static final Pattern FORMAT = Pattern.compile("wamid\\.[A-Za-z0-9_=-]{1,200}");

  public MessageId {
    Objects.requireNonNull(value, "value");
    if (!isWellFormed(value)) {
      throw new IllegalArgumentException("not a message id: '" + value + "'");
    }
  }

  /** Whether the text has the form of a message id; says nothing about whether it exists. */
  public static boolean isWellFormed(String value) {
    return FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
