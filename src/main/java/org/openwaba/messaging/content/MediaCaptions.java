package org.openwaba.messaging.content;

import org.jspecify.annotations.Nullable;
import org.openwaba.media.MediaKind;
import org.openwaba.platform.InvalidRequestException;

/**
 * Checks a media caption: only image, video and document take one (reference/cloud-api.md §2.4), of
 * at most 1,024 characters counted as Unicode code points, like message text.
 */
public final class MediaCaptions {

  private MediaCaptions() {}

  /**
   * The caption to store: empty when none was given.
   *
   * @throws InvalidRequestException (132000) for a caption on audio or a sticker, or one that is
   *     too long or not valid Unicode
   */
  public static String require(MediaKind kind, @Nullable String caption) {
    if (caption == null || caption.isEmpty()) {
      return "";
    }
    if (!kind.captioned()) {
      throw new InvalidRequestException(
          "Caption not allowed",
          "caption is not allowed for "
              + kind.apiName()
              + " messages; only image, video and document take a caption");
    }
    int codePoints = caption.codePointCount(0, caption.length());
    if (codePoints > MediaKind.MAX_CAPTION_LENGTH) {
      throw new InvalidRequestException(
          "Caption too long",
          "caption has "
              + codePoints
              + " characters; the limit is "
              + MediaKind.MAX_CAPTION_LENGTH
              + " (counted as Unicode code points)");
    }
    return TextBodies.require(caption, "caption");
  }
}
