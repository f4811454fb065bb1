package org.openwaba.messaging.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The seed's success response (status, message_id, timestamp, recipient) and the media id the
 * message carries, with the seed's format notes the file does not follow as warnings, if any.
 */
record SendMediaResponse(
    String status,
    String messageId,
    String timestamp,
    String recipient,
    String mediaId,
    @Nullable List<String> warnings) {}
