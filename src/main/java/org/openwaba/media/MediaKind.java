package org.openwaba.media;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The five kinds of media a message can carry, with the seed's "Supported Formats" rules: which
 * content types each accepts and how large a file may be. Sizes are decimal bytes (5 MB is
 * 5,000,000 bytes), as Meta and the SDKs count them (reference/cloud-api.md §5).
 */
public enum MediaKind {
  /** JPEG or PNG, up to 5 MB. */
  IMAGE("image", 5_000_000, true, Set.of(MediaTypes.JPEG, MediaTypes.PNG)),
  /** MP4 or 3GPP, up to 16 MB. */
  VIDEO("video", 16_000_000, true, Set.of(MediaTypes.MP4, MediaTypes.THREE_GPP)),
  /** PDF, DOCX, XLSX, PPTX or plain text, up to 100 MB; always sent with a filename. */
  DOCUMENT(
      "document",
      100_000_000,
      true,
      Set.of(MediaTypes.PDF, MediaTypes.DOCX, MediaTypes.XLSX, MediaTypes.PPTX, MediaTypes.TEXT)),
  /** MP3 or OGG, up to 16 MB; no caption. */
  AUDIO("audio", 16_000_000, false, Set.of(MediaTypes.MP3, MediaTypes.OGG)),
  /**
   * WEBP, up to 100 KB static or 500 KB animated (Meta's limits, reference/cloud-api.md §2.4); no
   * caption.
   */
  STICKER("sticker", 500_000, false, Set.of(MediaTypes.WEBP));

  /** The largest static sticker, in bytes. */
  public static final long STATIC_STICKER_MAX_BYTES = 100_000;

  /** The longest caption, in characters (seed: "up to 1024 characters"). */
  public static final int MAX_CAPTION_LENGTH = 1024;

  private final String apiName;
  private final long maxBytes;
  private final boolean captioned;
  private final Set<String> mimeTypes;

  MediaKind(String apiName, long maxBytes, boolean captioned, Set<String> mimeTypes) {
    this.apiName = apiName;
    this.maxBytes = maxBytes;
    this.captioned = captioned;
    this.mimeTypes = mimeTypes;
  }

  /** The name used on the API, such as {@code image}. */
  public String apiName() {
    return apiName;
  }

  /** The largest file of this kind, in bytes; for stickers, the animated limit. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Whether a message of this kind may carry a caption. */
  public boolean captioned() {
    return captioned;
  }

  /** The content types accepted, as detected from the bytes. */
  public Set<String> mimeTypes() {
    return mimeTypes;
  }

  /** The kind with this API name, ignoring case. */
  public static Optional<MediaKind> fromApiName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (MediaKind kind : values()) {
      if (kind.apiName.equals(lower)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The kind that accepts this content type, if any. */
  public static Optional<MediaKind> ofMimeType(String mimeType) {
    for (MediaKind kind : values()) {
      if (kind.mimeTypes.contains(mimeType)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The largest file of any kind, in bytes: the limit while the kind is not yet known. */
  public static long largestMaxBytes() {
    long max = 0;
    for (MediaKind kind : values()) {
      max = Math.max(max, kind.maxBytes);
    }
    return max;
  }
}
