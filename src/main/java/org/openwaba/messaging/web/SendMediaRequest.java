package org.openwaba.messaging.web;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The seed's {@code POST /send-media} body, with the Cloud API's {@code media_id} as the
 * alternative to {@code media_url} and a document {@code filename}. Unknown fields are ignored.
 *
 * @param phoneNumber the recipient in international format, e.g. +14155552671
 * @param mediaType image, video, document, audio or sticker
 * @param mediaUrl an https URL of the file; exactly one of media_url and media_id
 * @param mediaId the id of media uploaded with {@code POST /v2/media}
 * @param caption up to 1,024 characters, for image, video and document only
 * @param filename for documents, the name the recipient sees (the extension is fixed to the type)
 */
record SendMediaRequest(
    @NotNull(message = "is required") @Nullable String phoneNumber,
    @NotNull(message = "is required") @Nullable String mediaType,
    @Nullable String mediaUrl,
    @Nullable String mediaId,
    @Nullable String caption,
    @Nullable String filename) {}
