package org.openwaba.media.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.media.Media;

/**
 * Media metadata in the Cloud API's shape ({@code file_size} as a string, as Meta sends it),
 * followed by OpenWABA's additions. Absent values are left out.
 */
record MediaView(
    String messagingProduct,
    String url,
    String mimeType,
    String sha256,
    String fileSize,
    String id,
    String filename,
    @Nullable Integer width,
    @Nullable Integer height,
    @Nullable Double durationSeconds,
    @Nullable Boolean animated,
    String expiresAt,
    @Nullable List<String> warnings) {

  static MediaView of(Media media, String url) {
    List<String> warnings = media.warnings();
    return new MediaView(
        "whatsapp",
        url,
        media.mimeType(),
        media.sha256(),
        Long.toString(media.fileSize()),
        media.id().toString(),
        media.filename(),
        media.width(),
        media.height(),
        media.duration() == null ? null : media.duration().toMillis() / 1000.0,
        media.kind() == org.openwaba.media.MediaKind.STICKER ? media.animated() : null,
        media.expiresAt().toString(),
        warnings.isEmpty() ? null : warnings);
  }
}
