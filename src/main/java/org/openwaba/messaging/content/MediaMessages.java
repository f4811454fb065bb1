package org.openwaba.messaging.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.media.Media;
import org.openwaba.media.MediaId;
import org.openwaba.media.MediaKind;
import org.openwaba.media.MediaLibrary;
import org.openwaba.media.MediaTypes;
import org.openwaba.network.OutboundMedia;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.JsonFields;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The media types ({@code image}, {@code video}, {@code audio}, {@code document}, {@code sticker})
 * by {@code id} of uploaded media or {@code link}, exactly one of the two, for both doors and for
 * the seed's {@code /v2/send-media}.
 *
 * <p>A link is fetched here, before the answer, through the media library (guarded, streaming,
 * checked against the type's rules): every problem with the file is the call's 400, never a later
 * {@code failed} status, and the message that is accepted refers to a stored, checked file.
 */
@Component
public class MediaMessages implements ContentType {

  /** The names a door gives the media fields, for error details. */
  public record Fields(String url, String id) {

    /** The seed's {@code /v2/send-media}. */
    public static final Fields SEED = new Fields("media_url", "media_id");
  }

  private final MediaLibrary media;

  MediaMessages(MediaLibrary media) {
    this.media = media;
  }

  @Override
  public Set<String> types() {
    return Set.of("image", "audio", "video", "document", "sticker");
  }

  @Override
  public Prepared prepare(Sending sending, String type, JsonNode payload) {
    JsonNode object = JsonFields.object(payload, type);
    MediaKind kind = MediaKind.fromApiName(type).orElseThrow();
    int max = 4096;
    return prepare(
        sending,
        kind,
        JsonFields.optionalText(object, "link", type, max),
        JsonFields.optionalText(object, "id", type, 64),
        JsonFields.optionalText(object, "caption", type, Integer.MAX_VALUE),
        JsonFields.optionalText(object, "filename", type, 240),
        new Fields(type + ".link", type + ".id"));
  }

  /**
   * Checks the media reference and caption and gets the file: fetched from {@code link}, or the
   * uploaded {@code id}, which must name live media of this account and kind.
   *
   * @throws InvalidRequestException (132000; 100/131008/131009 on the Cloud door) for neither or
   *     both of link and id, a malformed URL, or a caption that is not allowed or too long
   * @throws org.openwaba.media.MediaRejectedException (131053) if the file cannot be fetched or
   *     breaks its type's rules, or the media id expired
   * @throws org.openwaba.media.MediaNotFoundException (404) for a media id this account does not
   *     have
   */
  public Prepared prepare(
      Sending sending,
      MediaKind kind,
      @Nullable String link,
      @Nullable String id,
      @Nullable String caption,
      @Nullable String filename,
      Fields fields) {
    boolean hasUrl = link != null && !link.isBlank();
    boolean hasId = id != null && !id.isBlank();
    if (hasUrl == hasId) {
      throw hasUrl
          ? new InvalidRequestException(
              ErrorCode.INVALID_PARAMETER,
              "Invalid media reference",
              "give either " + fields.url() + " or " + fields.id() + ", not both")
          : new InvalidRequestException(
              ErrorCode.MISSING_PARAMETER,
              "Missing media reference",
              fields.url()
                  + " (an https URL) or "
                  + fields.id()
                  + " (of uploaded media) is required");
    }
    URI url = hasUrl ? mediaUrl(link, fields.url()) : null;
    String text = MediaCaptions.require(kind, caption);
    Media file =
        url != null
            ? media.fetch(sending.caller().accountId(), kind, url)
            : media.requireForSending(sending.caller().accountId(), MediaId.parse(id), kind);
    String name =
        kind == MediaKind.DOCUMENT
            ? MediaTypes.filename(filename, file.mimeType(), file.filename())
            : null;
    OutboundMedia attached =
        new OutboundMedia(
            file.id().toString(), file.mimeType(), file.sha256(), file.fileSize(), name);
    return new Prepared(kind.apiName(), text, false, attached, file.id(), null, file.warnings());
  }

  private static URI mediaUrl(String text, String field) {
    try {
      URI url = new URI(text.trim());
      if (url.isAbsolute() && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // Answered below like any other malformed URL.
    }
    throw new InvalidRequestException(
        "Invalid media URL",
        // The URL itself is not echoed: signed URLs carry credentials in their query.
        field + " must be an absolute https URL such as https://example.com/photo.jpg");
  }
}
