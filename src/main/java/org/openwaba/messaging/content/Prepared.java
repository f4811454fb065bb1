package org.openwaba.messaging.content;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.media.MediaId;
import org.openwaba.network.OutboundMedia;
import tools.jackson.databind.JsonNode;

/**
 * A checked message, ready to store and hand to the network.
 *
 * @param type the message type as stored and shown to devices and webhooks
 * @param body the text a device shows (text, caption, or a structured message's main text: an
 *     interactive body, a rendered template body); empty when the type has none
 * @param previewUrl whether devices render a preview of the first link
 * @param media the media a media message carries
 * @param mediaId the stored media's id, for the seed's media answer
 * @param content a structured type's object, cleaned, in Meta's send shape
 * @param warnings advice about the message that is not a refusal (the seed's 30-second notes)
 */
public record Prepared(
    String type,
    String body,
    boolean previewUrl,
    @Nullable OutboundMedia media,
    @Nullable MediaId mediaId,
    @Nullable JsonNode content,
    List<String> warnings) {

  public Prepared {
    warnings = List.copyOf(warnings);
  }

  /** A text message. */
  public static Prepared text(String body, boolean previewUrl) {
    return new Prepared("text", body, previewUrl, null, null, null, List.of());
  }

  /** A structured message: its type's object, and the text devices show for it. */
  public static Prepared structured(String type, String body, JsonNode content) {
    return new Prepared(type, body, false, null, null, content, List.of());
  }
}
