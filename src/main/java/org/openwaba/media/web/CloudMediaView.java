package org.openwaba.media.web;

import org.openwaba.media.Media;

/**
 * Media metadata exactly as the Cloud API answers {@code GET /{version}/{media_id}} (reference §5),
 * without the seed door's additions: SDKs such as the Java one map the answer onto fixed types.
 * {@code file_size} is a string, as in Meta's examples and whatsapp-api-js' types.
 */
record CloudMediaView(
    String messagingProduct,
    String url,
    String mimeType,
    String sha256,
    String fileSize,
    String id) {

  static CloudMediaView of(Media media, String url) {
    return new CloudMediaView(
        "whatsapp",
        url,
        media.mimeType(),
        media.sha256(),
        Long.toString(media.fileSize()),
        media.id().toString());
  }
}
