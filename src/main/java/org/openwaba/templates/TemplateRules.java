package org.openwaba.templates;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.InvalidRequestException;

/**
 * Checks a new template against Meta's creation limits (listed in the README's API table and the
 * changelog). Every refusal names the field and the limit.
 */
final class TemplateRules {

  static final int MAX_NAME_LENGTH = 512;
  static final int MAX_HEADER_TEXT = 60;
  static final int MAX_BODY_TEXT = 1024;
  static final int MAX_FOOTER_TEXT = 60;
  static final int MAX_BUTTONS = 10;
  static final int MAX_QUICK_REPLY_BUTTONS = 10;
  static final int MAX_URL_BUTTONS = 2;
  static final int MAX_PHONE_NUMBER_BUTTONS = 1;
  static final int MAX_BUTTON_TEXT = 25;
  static final int MAX_URL_LENGTH = 2000;

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");
  private static final List<String> HEADER_FORMATS =
      List.of("TEXT", "IMAGE", "VIDEO", "DOCUMENT", "LOCATION");
  private static final List<String> MEDIA_FORMATS = List.of("IMAGE", "VIDEO", "DOCUMENT");

  private TemplateRules() {}

  /** The category the template names, after checking every rule. */
  static TemplateCategory check(NewTemplate template) {
    String name = template.name();
    if (name == null || name.isEmpty()) {
      throw refused("name", "is required");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw refused("name", "must be at most " + MAX_NAME_LENGTH + " characters");
    }
    if (!NAME.matcher(name).matches()) {
      throw refused("name", "may contain only lowercase letters, digits and underscores");
    }
    if (template.language() == null || !LANGUAGE.matcher(template.language()).matches()) {
      throw refused("language", "must be a locale code such as en or en_US");
    }
    TemplateCategory category = category(template.category());
    List<TemplateComponent> components = template.components();
    if (components == null || components.isEmpty()) {
      throw refused("components", "must contain a BODY component");
    }
    int headers = 0;
    int bodies = 0;
    int footers = 0;
    int buttonGroups = 0;
    for (int i = 0; i < components.size(); i++) {
      TemplateComponent component = components.get(i);
      String field = "components[" + i + "]";
      String type = component.type() == null ? "" : component.type().toUpperCase(Locale.ROOT);
      switch (type) {
        case "HEADER" -> {
          headers++;
          checkHeader(field, component);
        }
        case "BODY" -> {
          bodies++;
          checkText(field, component.text(), MAX_BODY_TEXT);
          checkExamples(field, component.text(), component.example(), true);
        }
        case "FOOTER" -> {
          footers++;
          checkText(field, component.text(), MAX_FOOTER_TEXT);
          if (placeholders(component.text()) > 0) {
            throw refused(field + ".text", "of a FOOTER may not contain variables");
          }
        }
        case "BUTTONS" -> {
          buttonGroups++;
          checkButtons(field, component.buttons());
        }
        default -> throw refused(field + ".type", "must be one of HEADER, BODY, FOOTER, BUTTONS");
      }
    }
    if (bodies != 1) {
      throw refused("components", "must contain exactly one BODY, found " + bodies);
    }
    if (headers > 1 || footers > 1 || buttonGroups > 1) {
      throw refused("components", "may contain at most one HEADER, one FOOTER and one BUTTONS");
    }
    return category;
  }

  private static TemplateCategory category(@Nullable String category) {
    if (category != null) {
      for (TemplateCategory known : TemplateCategory.values()) {
        if (known.name().equals(category.toUpperCase(Locale.ROOT))) {
          return known;
        }
      }
    }
    throw refused("category", "must be one of MARKETING, UTILITY, AUTHENTICATION");
  }

  private static void checkHeader(String field, TemplateComponent header) {
    String format = header.format() == null ? "" : header.format().toUpperCase(Locale.ROOT);
    if (!HEADER_FORMATS.contains(format)) {
      throw refused(field + ".format", "must be one of " + String.join(", ", HEADER_FORMATS));
    }
    if (format.equals("TEXT")) {
      checkText(field, header.text(), MAX_HEADER_TEXT);
      if (placeholders(header.text()) > 1) {
        throw refused(field + ".text", "of a HEADER may contain at most 1 variable");
      }
      checkExamples(field, header.text(), header.example(), false);
    } else if (MEDIA_FORMATS.contains(format)) {
      TemplateExample example = header.example();
      if (example == null || example.headerHandle() == null || example.headerHandle().isEmpty()) {
        throw refused(field + ".example.header_handle", "is required for a " + format + " header");
      }
    }
  }

  private static void checkText(String field, @Nullable String text, int limit) {
    if (text == null || text.isBlank()) {
      throw refused(field + ".text", "is required");
    }
    if (text.codePointCount(0, text.length()) > limit) {
      throw refused(field + ".text", "must be at most " + limit + " characters");
    }
  }

  private static void checkExamples(
      String field, @Nullable String text, @Nullable TemplateExample example, boolean body) {
    int count = placeholders(text);
    if (count == 0) {
      return;
    }
    String exampleField = field + ".example." + (body ? "body_text" : "header_text");
    int samples;
    if (example == null) {
      samples = 0;
    } else if (body) {
      List<List<String>> bodyText = example.bodyText();
      samples = bodyText == null || bodyText.isEmpty() ? 0 : bodyText.get(0).size();
    } else {
      samples = example.headerText() == null ? 0 : example.headerText().size();
    }
    if (samples != count) {
      throw refused(
          exampleField,
          "must give one sample value per variable: " + count + " expected, " + samples + " given");
    }
  }

  private static void checkButtons(String field, @Nullable List<TemplateButton> buttons) {
    if (buttons == null || buttons.isEmpty()) {
      throw refused(field + ".buttons", "must contain at least 1 button");
    }
    if (buttons.size() > MAX_BUTTONS) {
      throw refused(field + ".buttons", "may contain at most " + MAX_BUTTONS + " buttons");
    }
    int quickReplies = 0;
    int urls = 0;
    int phones = 0;
    for (int i = 0; i < buttons.size(); i++) {
      TemplateButton button = buttons.get(i);
      String buttonField = field + ".buttons[" + i + "]";
      String type = button.type() == null ? "" : button.type().toUpperCase(Locale.ROOT);
      checkButtonText(buttonField, button.text());
      switch (type) {
        case "QUICK_REPLY" -> quickReplies++;
        case "URL" -> {
          urls++;
          checkUrl(buttonField, button);
        }
        case "PHONE_NUMBER" -> {
          phones++;
          if (button.phoneNumber() == null || button.phoneNumber().isBlank()) {
            throw refused(buttonField + ".phone_number", "is required");
          }
        }
        default ->
            throw refused(buttonField + ".type", "must be one of QUICK_REPLY, URL, PHONE_NUMBER");
      }
    }
    if (quickReplies > MAX_QUICK_REPLY_BUTTONS) {
      throw refused(field + ".buttons", "may contain at most 10 QUICK_REPLY buttons");
    }
    if (urls > MAX_URL_BUTTONS) {
      throw refused(field + ".buttons", "may contain at most " + MAX_URL_BUTTONS + " URL buttons");
    }
    if (phones > MAX_PHONE_NUMBER_BUTTONS) {
      throw refused(
          field + ".buttons",
          "may contain at most " + MAX_PHONE_NUMBER_BUTTONS + " PHONE_NUMBER button");
    }
  }

  private static void checkButtonText(String field, @Nullable String text) {
    if (text == null || text.isBlank()) {
      throw refused(field + ".text", "is required");
    }
    if (text.codePointCount(0, text.length()) > MAX_BUTTON_TEXT) {
      throw refused(field + ".text", "must be at most " + MAX_BUTTON_TEXT + " characters");
    }
  }

  private static void checkUrl(String field, TemplateButton button) {
    String url = button.url();
    if (url == null || url.isBlank()) {
      throw refused(field + ".url", "is required");
    }
    if (url.length() > MAX_URL_LENGTH) {
      throw refused(field + ".url", "must be at most " + MAX_URL_LENGTH + " characters");
    }
    int variables = placeholders(url);
    if (variables > 1 || (variables == 1 && !url.endsWith("}}"))) {
      throw refused(field + ".url", "may contain at most 1 variable, at its end");
    }
    if (variables == 1 && (button.example() == null || button.example().isEmpty())) {
      throw refused(field + ".example", "is required for a URL with a variable");
    }
  }

  /** How many {@code {{n}}} placeholders the text contains. */
  static int placeholders(@Nullable String text) {
    if (text == null) {
      return 0;
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  private static InvalidRequestException refused(String field, String rule) {
    return new InvalidRequestException("Invalid template", field + " " + rule);
  }
}
