package org.openwaba.media;

/** Identifies stored media: a number between 1 and 2^53−1, sent as a decimal string. */
public record MediaId(long value) {

  private static final long MAX = (1L << 53) - 1;

  public MediaId {
    if (value <= 0 || value > MAX) {
      throw new IllegalArgumentException("media id must be in [1, 2^53-1], was " + value);
    }
  }

  /**
   * The id written in {@code text}.
   *
   * @throws MediaNotFoundException if {@code text} is not such a number: no media has that id
   */
  public static MediaId parse(String text) {
    try {
      long value = Long.parseLong(text.trim());
      if (value > 0 && value <= MAX) {
        return new MediaId(value);
      }
    } catch (NumberFormatException e) {
      // Falls through: an id that cannot exist is simply not found.
    }
    throw new MediaNotFoundException(text);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
