package org.openwaba.messaging.content;

import static org.openwaba.platform.JsonFields.absent;
import static org.openwaba.platform.JsonFields.invalid;
import static org.openwaba.platform.JsonFields.object;
import static org.openwaba.platform.JsonFields.optionalText;
import static org.openwaba.platform.JsonFields.path;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.media.MediaKind;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.JsonFields;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code interactive}: reply buttons ({@code button}), a list ({@code list}) or a link button
 * ({@code cta_url}), with Meta's common parts: an optional header, a body of at most 1,024
 * characters and an optional footer of at most 60 (reference/cloud-api.md §2.7). A media header,
 * for reply buttons only, is fetched or resolved like a media message's, so that a broken file is
 * the call's 400. The stored content is Meta's send shape with only the fields Meta defines; a
 * media header is stored by the id of the checked file.
 */
@Component
class InteractiveType implements ContentType {

  static final int MAX_BODY = 1024;
  static final int MAX_HEADER_TEXT = 60;
  static final int MAX_FOOTER = 60;

  private static final String PATH = "interactive";
  private static final List<String> SENT = List.of("button", "list", "cta_url");

  /** Meta's other interactive types (§2.7): named as unsupported rather than as unknown. */
  private static final List<String> META_ONLY =
      List.of(
          "product",
          "product_list",
          "catalog_message",
          "flow",
          "location_request_message",
          "call_permission_request",
          "voice_call",
          "order_details",
          "order_status",
          "address_message");

  private static final List<String> HEADER_TYPES = List.of("text", "image", "video", "document");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final MediaMessages media;

  InteractiveType(MediaMessages media) {
    this.media = media;
  }

  @Override
  public Set<String> types() {
    return Set.of("interactive");
  }

  @Override
  public Prepared prepare(Sending sending, String type, JsonNode payload) {
    JsonNode interactive = object(payload, PATH);
    String kind = kind(interactive);
    JsonNode header = interactive.get("header");
    String headerPath = path(PATH, "header");
    String headerType =
        absent(header)
            ? null
            : JsonFields.oneOf(object(header, headerPath), "type", headerPath, HEADER_TYPES);
    String headerText = null;
    if ("text".equals(headerType)) {
      headerText = JsonFields.text(header, "text", headerPath, MAX_HEADER_TEXT);
    } else if (headerType != null && !kind.equals("button")) {
      throw invalid(
          path(headerPath, "type"),
          path(headerPath, "type")
              + " must be text for "
              + kind
              + " messages; image, video and document headers are for button messages only");
    }
    String bodyPath = path(PATH, "body");
    String body =
        JsonFields.text(object(interactive.get("body"), bodyPath), "text", bodyPath, MAX_BODY);
    String footer = null;
    if (!absent(interactive.get("footer"))) {
      String footerPath = path(PATH, "footer");
      footer =
          JsonFields.text(
              object(interactive.get("footer"), footerPath), "text", footerPath, MAX_FOOTER);
    }
    String actionPath = path(PATH, "action");
    JsonNode action = object(interactive.get("action"), actionPath);
    ObjectNode cleanAction =
        switch (kind) {
          case "button" -> InteractiveActions.buttons(action, actionPath);
          case "list" -> InteractiveActions.list(action, actionPath);
          default -> InteractiveActions.ctaUrl(action, actionPath);
        };

    ObjectNode out = NODES.objectNode().put("type", kind);
    Prepared headerMedia = null;
    if (headerText != null) {
      out.putObject("header").put("type", "text").put("text", headerText);
    } else if (headerType != null) {
      // Fetched last, once everything else has passed, so that a refusal costs no download.
      headerMedia = headerMedia(sending, headerType, header.get(headerType), headerPath);
      ObjectNode reference = out.putObject("header").put("type", headerType).putObject(headerType);
      reference.put("id", headerMedia.media().id());
      if (headerMedia.media().filename() != null) {
        reference.put("filename", headerMedia.media().filename());
      }
    }
    out.putObject("body").put("text", body);
    if (footer != null) {
      out.putObject("footer").put("text", footer);
    }
    out.set("action", cleanAction);
    return headerMedia == null
        ? Prepared.structured("interactive", body, out)
        : new Prepared(
            "interactive",
            body,
            false,
            headerMedia.media(),
            headerMedia.mediaId(),
            out,
            headerMedia.warnings());
  }

  private static String kind(JsonNode interactive) {
    String typePath = path(PATH, "type");
    String kind = JsonFields.text(interactive, "type", PATH, 64);
    if (SENT.contains(kind)) {
      return kind;
    }
    if (META_ONLY.contains(kind)) {
      throw new InvalidRequestException(
          ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
          "Unsupported interactive type",
          typePath
              + " '"
              + kind
              + "' is not supported by this server; it sends "
              + String.join(", ", SENT));
    }
    throw invalid(
        typePath,
        typePath
            + " must be one of "
            + String.join(", ", SENT)
            + " (or Meta's "
            + String.join(", ", META_ONLY)
            + ", not supported here); was '"
            + kind
            + "'");
  }

  private Prepared headerMedia(
      Sending sending, String headerType, @Nullable JsonNode node, String headerPath) {
    String path = path(headerPath, headerType);
    JsonNode object = object(node, path);
    if (!absent(object.get("caption"))) {
      throw invalid(
          path(path, "caption"),
          path(path, "caption") + " is not allowed: a media header has no caption");
    }
    MediaKind kind = MediaKind.fromApiName(headerType).orElseThrow();
    return media.prepare(
        sending,
        kind,
        optionalText(object, "link", path, 4096),
        optionalText(object, "id", path, 64),
        null,
        optionalText(object, "filename", path, 240),
        new MediaMessages.Fields(path(path, "link"), path(path, "id")));
  }
}
