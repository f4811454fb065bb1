package org.openwaba.messaging.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * The {@code components} of a template message as sent: at most one {@code header} and one {@code
 * body} with their parameters, and {@code button} components each naming a template button by
 * {@code index}. Reads shapes and field limits only; whether they fit the template is {@link
 * TemplateType}'s to check.
 *
 * @param header the header's parameters, empty when none was sent
 * @param body the body's parameters, empty when none was sent
 */
record TemplateRequest(
    List<TemplateParameter> header,
    @Nullable String headerPath,
    List<TemplateParameter> body,
    @Nullable String bodyPath,
    List<Button> buttons) {

  /** One {@code button} component: the template button it fills and its one parameter. */
  record Button(String subType, int index, String path, TemplateParameter parameter) {}

  static final List<String> SUB_TYPES = List.of("quick_reply", "url", "copy_code");

  /** Header, body and Meta's maximum of 10 buttons. */
  static final int MAX_COMPONENTS = 12;

  /** Meta's limit for a header's text parameter (reference/cloud-api.md §2.8). */
  static final int MAX_HEADER_TEXT = 60;

  /** Meta's limit for a body text parameter when other components are sent too. */
  static final int MAX_BODY_TEXT = 1024;

  /** The limit for a body text parameter when the body is the only component sent. */
  static final int MAX_BODY_ONLY_TEXT = 32_768;

  /** Meta's URL limit, which bounds a URL button's suffix. */
  static final int MAX_URL = 2000;

  static TemplateRequest read(JsonNode template) {
    JsonNode components = template.get("components");
    if (JsonFields.absent(components)) {
      return new TemplateRequest(List.of(), null, List.of(), null, List.of());
    }
    JsonFields.array(components, "template.components", 0, MAX_COMPONENTS);
    int maxBodyText = components.size() == 1 ? MAX_BODY_ONLY_TEXT : MAX_BODY_TEXT;
    List<TemplateParameter> header = null;
    List<TemplateParameter> body = null;
    String headerPath = null;
    String bodyPath = null;
    List<Button> buttons = new ArrayList<>();
    for (int i = 0; i < components.size(); i++) {
      String path = JsonFields.path("template.components", i);
      JsonNode component = JsonFields.object(components.get(i), path);
      String type = JsonFields.text(component, "type", path, 64).toLowerCase(Locale.ROOT);
      switch (type) {
        case "header" -> {
          if (header != null) {
            throw JsonFields.invalid(path, "template.components may hold only one header");
          }
          header = parameters(component, path, MAX_HEADER_TEXT);
          headerPath = path;
        }
        case "body" -> {
          if (body != null) {
            throw JsonFields.invalid(path, "template.components may hold only one body");
          }
          body = parameters(component, path, maxBodyText);
          bodyPath = path;
        }
        case "button" -> {
          Button button = button(component, path);
          if (buttons.stream().anyMatch(b -> b.index() == button.index())) {
            throw JsonFields.invalid(
                path, path + ".index " + button.index() + " is given in two button components");
          }
          buttons.add(button);
        }
        default ->
            throw JsonFields.invalid(
                JsonFields.path(path, "type"),
                path + ".type must be one of header, body, button; was '" + type + "'");
      }
    }
    return new TemplateRequest(
        header == null ? List.of() : header,
        headerPath,
        body == null ? List.of() : body,
        bodyPath,
        List.copyOf(buttons));
  }

  private static List<TemplateParameter> parameters(JsonNode component, String path, int maxText) {
    JsonNode parameters = component.get("parameters");
    if (JsonFields.absent(parameters)) {
      return List.of();
    }
    String arrayPath = JsonFields.path(path, "parameters");
    JsonFields.array(parameters, arrayPath, 0, 100);
    List<TemplateParameter> read = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      read.add(TemplateParameter.read(parameters.get(i), JsonFields.path(arrayPath, i), maxText));
    }
    return List.copyOf(read);
  }

  private static Button button(JsonNode component, String path) {
    String subType = JsonFields.text(component, "sub_type", path, 64).toLowerCase(Locale.ROOT);
    if (!SUB_TYPES.contains(subType)) {
      throw JsonFields.invalid(
          JsonFields.path(path, "sub_type"),
          path
              + ".sub_type must be one of "
              + String.join(", ", SUB_TYPES)
              + "; was '"
              + subType
              + "'");
    }
    int index = index(component.get("index"), JsonFields.path(path, "index"));
    String arrayPath = JsonFields.path(path, "parameters");
    JsonNode parameters = JsonFields.array(component.get("parameters"), arrayPath, 1, 1);
    TemplateParameter parameter =
        TemplateParameter.read(parameters.get(0), JsonFields.path(arrayPath, 0), MAX_URL);
    return new Button(subType, index, path, parameter);
  }

  /** Meta documents a string ({@code "0"}); whatsapp-api-js sends a number: both are accepted. */
  private static int index(@Nullable JsonNode node, String path) {
    if (JsonFields.absent(node)) {
      throw JsonFields.missing(path);
    }
    String text =
        node.isIntegralNumber()
            ? String.valueOf(node.longValue())
            : node.isString() ? node.stringValue() : "";
    if (!text.matches("[0-9]")) {
      throw JsonFields.invalid(
          path, path + " must be the button's position, 0 to 9, as a string or a number");
    }
    return Integer.parseInt(text);
  }
}
