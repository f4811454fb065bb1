package org.openwaba.messaging;

import org.jspecify.annotations.Nullable;

/**
 * A request to send a media message, as either API door received it. Exactly one of {@code
 * mediaUrl} and {@code mediaId} must be given.
 *
 * @param to the recipient in international format ({@code +} and country code)
 * @param mediaType {@code image}, {@code video}, {@code document}, {@code audio} or {@code sticker}
 * @param mediaUrl an https URL the server downloads the file from
 * @param mediaId the id of media uploaded earlier by the same account
 * @param caption up to 1,024 characters, for image, video and document only
 * @param filename for documents, the name the recipient sees; by default the URL's or upload's
 *     name, always with the extension of the detected type
 */
public record SendMediaCommand(
    String to,
    String mediaType,
    @Nullable String mediaUrl,
    @Nullable String mediaId,
    @Nullable String caption,
    @Nullable String filename) {}
