package org.openwaba.media;

import java.util.Optional;

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
      Optional<MediaId> id = of(Long.parseLong(text.trim()));
      if (id.isPresent()) {
        return id.get();
      }
    } catch (NumberFormatException e) {
      // Falls through: an id that cannot exist is simply not found.
    }
    throw new MediaNotFoundException(text);
  }

  /**
   * The id with this value; empty if no media can have it, as when a Graph node id of another kind
   * is out of the media range.
   */
  public static Optional<MediaId> of(long value) {
    return value > 0 && value <= MAX ? Optional.of(new MediaId(value)) : Optional.empty();
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
