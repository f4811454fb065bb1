package org.openwaba.messaging.content;

import org.openwaba.platform.InvalidRequestException;

/**
 * Checks message text against the seed's limit of 4,096 characters, counted as Unicode code points
 * (so an emoji counts as one, as users see it, not as the two UTF-16 units Java stores).
 */
public final class TextBodies {

  /** The seed's "Message size: 4096 characters" limit. */
  public static final int MAX_CODE_POINTS = 4096;

  private TextBodies() {}

  /**
   * @param field the JSON name of the field, for the error's details
   * @throws InvalidRequestException (132000) if empty, too long or not valid Unicode
   */
  public static String require(String text, String field) {
    if (text.isEmpty()) {
      throw new InvalidRequestException(
          "Invalid message", field + " must have 1 to " + MAX_CODE_POINTS + " characters");
    }
    if (text.length() > MAX_CODE_POINTS * 2) {
      throw tooLong(field, text.codePointCount(0, text.length()));
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          throw loneSurrogate(field);
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        throw loneSurrogate(field);
      }
    }
    int codePoints = text.codePointCount(0, text.length());
    if (codePoints > MAX_CODE_POINTS) {
      throw tooLong(field, codePoints);
    }
    return text;
  }

  private static InvalidRequestException tooLong(String field, int codePoints) {
    return new InvalidRequestException(
        "Message too long",
        field
            + " has "
            + codePoints
            + " characters; the limit is "
            + MAX_CODE_POINTS
            + " (counted as Unicode code points)");
  }

  private static InvalidRequestException loneSurrogate(String field) {
    return new InvalidRequestException(
        "Invalid message", field + " contains an unpaired UTF-16 surrogate (not valid Unicode)");
  }
}
