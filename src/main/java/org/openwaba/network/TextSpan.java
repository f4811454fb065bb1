package org.openwaba.network;

import java.util.Objects;
import java.util.Set;

/**
 * A run of text with the styles that apply to all of it. A message's formatted form is the list of
 * its spans in order; concatenating their texts gives the message without its markers.
 *
 * @param text the characters of the run, never empty
 * @param styles the styles applying to the run, empty for plain text
 */
public record TextSpan(String text, Set<TextStyle> styles) {

  public TextSpan {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a span's text must not be empty");
    }
    styles = Set.copyOf(styles);
  }
}
