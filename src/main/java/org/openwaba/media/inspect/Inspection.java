package org.openwaba.media.inspect;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a file's bytes say it is.
 *
 * @param mimeType the detected content type in the spelling of {@link
 *     org.openwaba.media.MediaTypes} for accepted types, Tika's name for others (such as {@code
 *     application/x-msdownload}); {@code application/octet-stream} when nothing matched
 * @param truncation why the file is incomplete, if its structure says it is
 * @param width pixels, when the header states it
 * @param height pixels, when the header states it
 * @param duration playing time, when the container states it
 * @param animated whether a WEBP is animated
 */
public record Inspection(
    String mimeType,
    @Nullable String truncation,
    @Nullable Integer width,
    @Nullable Integer height,
    @Nullable Duration duration,
    boolean animated) {

  static Inspection of(String mimeType) {
    return new Inspection(mimeType, null, null, null, null, false);
  }

  Inspection truncated(String why) {
    return new Inspection(mimeType, why, width, height, duration, animated);
  }

  Inspection withSize(int width, int height) {
    return new Inspection(mimeType, truncation, width, height, duration, animated);
  }

  Inspection withDuration(Duration duration) {
    return new Inspection(mimeType, truncation, width, height, duration, animated);
  }

  Inspection asAnimated() {
    return new Inspection(mimeType, truncation, width, height, duration, true);
  }
}
