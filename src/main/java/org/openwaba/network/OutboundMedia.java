package org.openwaba.network;

import org.jspecify.annotations.Nullable;

/**
 * The media a message carries, as a network receives it; the message's body is its caption. The
 * bytes stay in the media store: networks refer to them by id and hash.
 *
 * @param id the media id, a decimal number as a string (Meta's form)
 * @param mimeType the content type detected from the bytes, such as {@code image/jpeg}
 * @param sha256 the SHA-256 of the bytes, lower-case hex
 * @param fileSize the size in bytes
 * @param filename the name the recipient sees, for documents only
 */
public record OutboundMedia(
    String id, String mimeType, String sha256, long fileSize, @Nullable String filename) {}
