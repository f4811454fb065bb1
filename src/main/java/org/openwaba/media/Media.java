package org.openwaba.media;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;

/**
 * Stored media and what its bytes say about it.
 *
 * @param mimeType the content type detected from the bytes, one of {@link MediaKind#mimeTypes()}
 * @param sha256 the SHA-256 of the bytes, lower-case hex; also the key of the stored file
 * @param fileSize the size in bytes
 * @param filename the name clients download it under; for documents the uploader's or URL's name,
 *     with the extension of the detected type
 * @param width pixels, for images and stickers whose header states it
 * @param height pixels, for images and stickers whose header states it
 * @param duration for MP4 and 3GPP video (movie header) and Ogg audio (last page); MP3 duration is
 *     not read
 * @param animated for stickers: whether the WEBP is animated
 * @param expiresAt when the id stops working and the bytes are deleted
 */
public record Media(
    MediaId id,
    AccountId accountId,
    MediaKind kind,
    String mimeType,
    String sha256,
    long fileSize,
    String filename,
    @Nullable Integer width,
    @Nullable Integer height,
    @Nullable Duration duration,
    boolean animated,
    Instant createdAt,
    Instant expiresAt) {

  /** Videos up to this long autoplay (seed: "Max 30 seconds for autoplay"). */
  public static final Duration AUTOPLAY_LIMIT = Duration.ofSeconds(30);

  /** Voice notes should last at most this long (seed: "Max 30 seconds for voice notes"). */
  public static final Duration VOICE_NOTE_LIMIT = Duration.ofSeconds(30);

  /** Images are recommended at most this wide and high (seed: "Recommended 1920x1080px"). */
  public static final int RECOMMENDED_WIDTH = 1920;

  public static final int RECOMMENDED_HEIGHT = 1080;

  /**
   * The seed's notes that this file does not follow; advice, never a reason to refuse it. Empty
   * when there is nothing to say.
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    if (kind == MediaKind.VIDEO && duration != null && duration.compareTo(AUTOPLAY_LIMIT) > 0) {
      warnings.add(
          "video is "
              + duration.toSeconds()
              + " s long: only videos of up to 30 s autoplay on recipients' devices");
    }
    if (kind == MediaKind.AUDIO && duration != null && duration.compareTo(VOICE_NOTE_LIMIT) > 0) {
      warnings.add(
          "audio is " + duration.toSeconds() + " s long: voice notes should be at most 30 s");
    }
    if (kind == MediaKind.IMAGE
        && width != null
        && height != null
        && Math.max(width, height) > RECOMMENDED_WIDTH) {
      warnings.add(
          "image is "
              + width
              + "x"
              + height
              + " px: 1920x1080 px is recommended; devices scale larger images down");
    }
    return warnings;
  }
}
