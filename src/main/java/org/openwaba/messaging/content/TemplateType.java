package org.openwaba.messaging.content;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.JsonFields;
import org.openwaba.templates.Template;
import org.openwaba.templates.TemplateButton;
import org.openwaba.templates.TemplateCatalogue;
import org.openwaba.templates.TemplateComponent;
import org.openwaba.templates.TemplatePlaceholders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code template}: an approved template of the caller's account, named by {@code name} and {@code
 * language.code} ({@code language.policy} is ignored: Meta's only value is {@code deterministic}),
 * with parameters that fit its placeholders, header and buttons (reference/cloud-api.md §2.8).
 *
 * <p>The message's body is the rendered body text. Its content is the request's template object,
 * cleaned, plus {@code rendered}: the header ({@code text}, media or {@code location}, or null),
 * the body, the footer (or null) and every button of the template in the template's order. That
 * shape is read by devices (a tapped quick reply sends {@code rendered.buttons[i].payload}); change
 * it only together with its readers.
 */
@Component
class TemplateType implements ContentType {

  /** Meta's limit for a template body, also after its parameters are filled in. */
  static final int MAX_RENDERED_BODY = 1024;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> BODY_TYPES = List.of("text", "currency", "date_time");

  private final TemplateCatalogue catalogue;
  private final TemplateHeaders headers;

  TemplateType(TemplateCatalogue catalogue, TemplateHeaders headers) {
    this.catalogue = catalogue;
    this.headers = headers;
  }

  @Override
  public Set<String> types() {
    return Set.of("template");
  }

  @Override
  public Prepared prepare(Sending sending, String type, JsonNode payload) {
    JsonNode object = JsonFields.object(payload, "template");
    String name = JsonFields.text(object, "name", "template", 512);
    JsonNode language = JsonFields.object(object.get("language"), "template.language");
    String code = JsonFields.text(language, "code", "template.language", 16);
    TemplateRequest request = TemplateRequest.read(object);
    Template template = catalogue.sendable(sending.caller().accountId(), name, code);

    String body = body(template, component(template, "BODY"), request);
    List<TemplateParameter> buttonParameters =
        request.buttons().stream().map(TemplateRequest.Button::parameter).toList();
    NamedParameters.requirePositional(template, buttonParameters);
    NamedParameters.requireUnnamed(
        buttonParameters,
        "a button's parameter fills its URL suffix, payload or code, and has no placeholder name");
    TemplateComponent footer = component(template, "FOOTER");
    TemplateComponent buttons = component(template, "BUTTONS");
    List<TemplateButton> templateButtons =
        buttons == null || buttons.buttons() == null ? List.of() : buttons.buttons();
    ArrayNode renderedButtons = TemplateButtons.render(templateButtons, request.buttons());
    // Last: a media header is fetched and stored, which only a message that fits should cost.
    TemplateHeaders.Header header =
        headers.render(sending, template, component(template, "HEADER"), request);

    ObjectNode content = NODES.objectNode().put("name", name);
    content.putObject("language").put("code", code);
    content.set("components", components(request, header));
    ObjectNode rendered = content.putObject("rendered");
    rendered.set("header", header.rendered());
    rendered.put("body", body);
    rendered.put("footer", footer == null ? null : footer.text());
    rendered.set("buttons", renderedButtons);
    return new Prepared(
        "template", body, false, header.media(), header.mediaId(), content, header.warnings());
  }

  private static String body(
      Template template, @Nullable TemplateComponent component, TemplateRequest request) {
    String text = component == null || component.text() == null ? "" : component.text();
    List<TemplateParameter> given = request.body();
    for (TemplateParameter parameter : given) {
      parameter.requireType(BODY_TYPES, "a body");
    }
    String filled;
    if (NamedParameters.named(template)) {
      Map<String, String> values =
          NamedParameters.match(template, "body", TemplatePlaceholders.names(text), given);
      filled = TemplatePlaceholders.fillNamed(text, values);
    } else {
      NamedParameters.requirePositional(template, given);
      int expected = TemplatePlaceholders.numbers(text).size();
      if (given.size() != expected) {
        throw new InvalidRequestException(
            ErrorCode.TEMPLATE_PARAMETERS,
            "Template parameters do not match",
            "body: the template's body has "
                + expected
                + " placeholders; expected "
                + expected
                + " parameters, given "
                + given.size());
      }
      filled =
          TemplatePlaceholders.fill(text, given.stream().map(TemplateParameter::value).toList());
    }
    int length = filled.codePointCount(0, filled.length());
    if (length > MAX_RENDERED_BODY) {
      throw new InvalidRequestException(
          ErrorCode.TEMPLATE_TEXT_TOO_LONG,
          "Template text too long",
          "the body with its parameters has "
              + length
              + " characters; the limit is "
              + MAX_RENDERED_BODY);
    }
    return filled;
  }

  /** The components as sent, cleaned; a media header refers to the stored file by id. */
  private static ArrayNode components(TemplateRequest request, TemplateHeaders.Header header) {
    ArrayNode components = NODES.arrayNode();
    if (request.headerPath() != null) {
      components.addObject().put("type", "header").set("parameters", header.parameters());
    }
    if (request.bodyPath() != null) {
      ArrayNode parameters = components.addObject().put("type", "body").putArray("parameters");
      request.body().forEach(parameter -> parameters.add(parameter.clean()));
    }
    for (TemplateRequest.Button button : request.buttons()) {
      components
          .addObject()
          .put("type", "button")
          .put("sub_type", button.subType())
          .put("index", String.valueOf(button.index()))
          .putArray("parameters")
          .add(button.parameter().clean());
    }
    return components;
  }

  private static @Nullable TemplateComponent component(Template template, String type) {
    for (TemplateComponent component : template.components()) {
      if (component.type() != null && component.type().toUpperCase(Locale.ROOT).equals(type)) {
        return component;
      }
    }
    return null;
  }
}
