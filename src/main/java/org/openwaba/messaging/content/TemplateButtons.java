package org.openwaba.messaging.content;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.templates.TemplateButton;
import org.openwaba.templates.TemplatePlaceholders;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fits a template message's {@code button} components to the template's buttons and renders every
 * button of the template, in the template's order, so that {@code rendered.buttons[i]} is the
 * button a component's {@code index} i names: a quick reply carries the payload sent for it (its
 * own text when none was), a URL button its full URL with the suffix sent for its {@code {{1}}}.
 */
final class TemplateButtons {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Which template button type each {@code sub_type} fills, and the parameter type it takes. */
  private static final Map<String, String> BUTTON_TYPES =
      Map.of("quick_reply", "QUICK_REPLY", "url", "URL", "copy_code", "COPY_CODE");

  private static final Map<String, String> PARAMETER_TYPES =
      Map.of("quick_reply", "payload", "url", "text", "copy_code", "coupon_code");

  private TemplateButtons() {}

  static ArrayNode render(List<TemplateButton> buttons, List<TemplateRequest.Button> given) {
    Map<Integer, String> values = new HashMap<>();
    for (TemplateRequest.Button button : given) {
      values.put(button.index(), fit(buttons, button));
    }
    ArrayNode rendered = NODES.arrayNode();
    for (int i = 0; i < buttons.size(); i++) {
      TemplateButton button = buttons.get(i);
      String text = button.text() == null ? "" : button.text();
      String value = values.get(i);
      ObjectNode out = rendered.addObject();
      switch (type(button)) {
        case "QUICK_REPLY" ->
            out.put("type", "quick_reply")
                .put("text", text)
                .put("payload", value == null ? text : value);
        case "URL" -> {
          String url = button.url() == null ? "" : button.url();
          boolean suffixed = !TemplatePlaceholders.numbers(url).isEmpty();
          if (suffixed && value == null) {
            throw mismatch(
                "button "
                    + i
                    + " of the template is a URL button with a {{1}} suffix: a button component"
                    + " with sub_type url, index "
                    + i
                    + " and a text parameter is required, none given");
          }
          out.put("type", "url")
              .put("text", text)
              .put("url", suffixed ? TemplatePlaceholders.fill(url, List.of(value)) : url);
        }
        case "PHONE_NUMBER" ->
            out.put("type", "phone_number")
                .put("text", text)
                .put("phone_number", button.phoneNumber());
        case "COPY_CODE" -> out.put("type", "copy_code").put("text", text).put("code", value);
        default -> out.put("type", type(button).toLowerCase(Locale.ROOT)).put("text", text);
      }
    }
    return rendered;
  }

  /** The parameter's value, once it is known to fill the button its index names. */
  private static String fit(List<TemplateButton> buttons, TemplateRequest.Button given) {
    int index = given.index();
    if (index >= buttons.size()) {
      throw mismatch(
          given.path()
              + ": the template has no button at index "
              + index
              + "; it has "
              + buttons.size()
              + " buttons");
    }
    TemplateButton button = buttons.get(index);
    String expected = BUTTON_TYPES.get(given.subType());
    if (!type(button).equals(expected)) {
      throw mismatch(
          given.path()
              + ": button "
              + index
              + " of the template is a "
              + type(button)
              + " button, not "
              + given.subType());
    }
    if (expected.equals("URL") && TemplatePlaceholders.numbers(button.url()).isEmpty()) {
      throw mismatch(
          given.path()
              + ": button "
              + index
              + "'s URL has no {{1}} suffix, so it takes no parameter");
    }
    TemplateParameter parameter = given.parameter();
    parameter.requireType(
        List.of(PARAMETER_TYPES.get(given.subType())), "a " + given.subType() + " button");
    return parameter.value();
  }

  private static String type(TemplateButton button) {
    return button.type() == null ? "" : button.type().toUpperCase(Locale.ROOT);
  }

  private static InvalidRequestException mismatch(String details) {
    return new InvalidRequestException(
        ErrorCode.TEMPLATE_PARAMETERS, "Template parameters do not match", details);
  }
}
