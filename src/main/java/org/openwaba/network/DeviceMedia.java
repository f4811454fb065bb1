package org.openwaba.network;

import org.jspecify.annotations.Nullable;

/**
 * Media a device sent, as the business receives it: already in the business's media store, so the
 * business downloads it by id like any media.
 *
 * @param id the media id, a decimal number as a string (Meta's form)
 * @param kind {@code image}, {@code video}, {@code audio}, {@code document} or {@code sticker}
 * @param mimeType the content type detected from the bytes
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 * @param filename for documents, the name the device gave the file
 * @param animated for stickers, whether the WEBP is animated
 */
public record DeviceMedia(
    String id,
    String kind,
    String mimeType,
    String sha256,
    long fileSize,
    @Nullable String filename,
    boolean animated) {}
