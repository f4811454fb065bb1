package org.openwaba.messaging.content;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openwaba.media.MediaId;
import org.openwaba.media.MediaKind;
import org.openwaba.network.MessageContents;
import org.openwaba.network.OutboundMedia;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.JsonFields;
import org.openwaba.templates.Template;
import org.openwaba.templates.TemplateComponent;
import org.openwaba.templates.TemplatePlaceholders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fits a template message's header parameters to the template's header and renders it: text with
 * its placeholder filled, media fetched or looked up through {@link MediaMessages} (so a header
 * image obeys exactly the rules of an image message), or a location.
 */
@Component
class TemplateHeaders {

  /** A rendered header. */
  record Header(
      @Nullable ObjectNode rendered,
      ArrayNode parameters,
      @Nullable OutboundMedia media,
      @Nullable MediaId mediaId,
      List<String> warnings) {}

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> TEXT_TYPES = List.of("text", "currency", "date_time");

  private final MediaMessages media;

  TemplateHeaders(MediaMessages media) {
    this.media = media;
  }

  Header render(
      Sending sending,
      Template template,
      @Nullable TemplateComponent header,
      TemplateRequest request) {
    List<TemplateParameter> given = request.header();
    String format =
        header == null || header.format() == null ? "" : header.format().toUpperCase(Locale.ROOT);
    NamedParameters.requirePositional(template, given);
    if (!format.equals("TEXT")) {
      NamedParameters.requireUnnamed(
          given, "only a TEXT header has a placeholder, and this header is not TEXT");
    }
    return switch (format) {
      case "IMAGE", "VIDEO", "DOCUMENT" -> media(sending, format, given);
      case "LOCATION" -> location(given);
      case "TEXT" -> text(template, header.text(), given);
      default -> {
        requireCount(given, 0, "the template has no header");
        yield new Header(null, NODES.arrayNode(), null, null, List.of());
      }
    };
  }

  private static Header text(Template owner, @Nullable String text, List<TemplateParameter> given) {
    String template = text == null ? "" : text;
    ArrayNode parameters = NODES.arrayNode();
    String filled;
    if (NamedParameters.named(owner)) {
      for (TemplateParameter parameter : given) {
        parameter.requireType(TEXT_TYPES, "a TEXT header");
        parameters.add(parameter.clean());
      }
      Map<String, String> values =
          NamedParameters.match(owner, "header", TemplatePlaceholders.names(template), given);
      filled = TemplatePlaceholders.fillNamed(template, values);
    } else {
      int expected = TemplatePlaceholders.numbers(template).size();
      requireCount(given, expected, "the template's TEXT header has " + expected + " placeholders");
      for (TemplateParameter parameter : given) {
        parameter.requireType(TEXT_TYPES, "a TEXT header");
        parameters.add(parameter.clean());
      }
      filled =
          TemplatePlaceholders.fill(
              template, given.stream().map(TemplateParameter::value).toList());
    }
    int length = filled.codePointCount(0, filled.length());
    if (length > TemplateRequest.MAX_HEADER_TEXT) {
      throw new InvalidRequestException(
          ErrorCode.TEMPLATE_TEXT_TOO_LONG,
          "Template text too long",
          "the header with its parameter has "
              + length
              + " characters; the limit is "
              + TemplateRequest.MAX_HEADER_TEXT);
    }
    ObjectNode rendered = NODES.objectNode().put("type", "text").put("text", filled);
    return new Header(rendered, parameters, null, null, List.of());
  }

  private Header media(Sending sending, String format, List<TemplateParameter> given) {
    String type = format.toLowerCase(Locale.ROOT);
    requireCount(given, 1, "the template's " + format + " header takes 1 " + type + " parameter");
    TemplateParameter parameter = given.get(0);
    parameter.requireType(List.of(type), "a " + format + " header");
    String path = JsonFields.path(parameter.path(), type);
    JsonNode object = JsonFields.object(parameter.node().get(type), path);
    MediaKind kind = MediaKind.fromApiName(type).orElseThrow();
    Prepared fetched =
        media.prepare(
            sending,
            kind,
            JsonFields.optionalText(object, "link", path, 4096),
            JsonFields.optionalText(object, "id", path, 64),
            null,
            JsonFields.optionalText(object, "filename", path, 240),
            new MediaMessages.Fields(path + ".link", path + ".id"));
    OutboundMedia file = fetched.media();
    if (file == null) {
      throw new IllegalStateException("media message without media");
    }
    // A link is replaced by the stored file's id: signed URLs carry credentials and are not kept.
    ObjectNode reference = NODES.objectNode().put("id", file.id());
    ObjectNode described =
        NODES
            .objectNode()
            .put("id", file.id())
            .put("mime_type", file.mimeType())
            .put("sha256", file.sha256())
            .put("file_size", file.fileSize());
    if (file.filename() != null) {
      reference.put("filename", file.filename());
      described.put("filename", file.filename());
    }
    ObjectNode clean = NODES.objectNode().put("type", type);
    clean.set(type, reference);
    ObjectNode rendered = NODES.objectNode().put("type", type);
    rendered.set("media", described);
    return new Header(
        rendered, NODES.arrayNode().add(clean), file, fetched.mediaId(), fetched.warnings());
  }

  private static Header location(List<TemplateParameter> given) {
    requireCount(given, 1, "the template's LOCATION header takes 1 location parameter");
    TemplateParameter parameter = given.get(0);
    parameter.requireType(List.of("location"), "a LOCATION header");
    String path = JsonFields.path(parameter.path(), "location");
    ObjectNode location = MessageContents.location(parameter.node().get("location"), path);
    // Meta requires both in a template header, unlike in a location message (§2.8).
    for (String field : List.of("name", "address")) {
      if (!location.has(field)) {
        throw JsonFields.missing(JsonFields.path(path, field));
      }
    }
    ObjectNode clean = NODES.objectNode().put("type", "location");
    clean.set("location", location);
    ObjectNode rendered = NODES.objectNode().put("type", "location");
    rendered.setAll(location);
    return new Header(rendered, NODES.arrayNode().add(clean), null, null, List.of());
  }

  private static void requireCount(List<TemplateParameter> given, int expected, String rule) {
    if (given.size() != expected) {
      throw new InvalidRequestException(
          ErrorCode.TEMPLATE_PARAMETERS,
          "Template parameters do not match",
          "header: " + rule + "; expected " + expected + " parameters, given " + given.size());
    }
  }
}
