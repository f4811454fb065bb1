package org.openwaba.templates;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\d+|[a-z][a-z0-9_]{0,19})}}");
  private static final Pattern ANY_BRACES = Pattern.compile("\\{\\{(.*?)}}");
  // Looks like a name, so a POSITIONAL template holding it was meant to be NAMED; other junk in
  // braces is left to the review's numbering rule, as before named parameters existed.
  private static final Pattern NAME_LIKE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
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
    TemplateParameterFormat format = format(template.parameterFormat());
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
          checkHeader(field, component, format);
        }
        case "BODY" -> {
          bodies++;
          checkText(field, component.text(), MAX_BODY_TEXT);
          checkPlaceholders(field, component.text(), format);
          checkExamples(field, component.text(), component.example(), true, format);
        }
        case "FOOTER" -> {
          footers++;
          checkText(field, component.text(), MAX_FOOTER_TEXT);
          checkPlaceholders(field, component.text(), format);
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

  /**
   * The template's parameter format: {@code POSITIONAL} when absent (Meta's default).
   *
   * @throws InvalidRequestException naming the two values when it is another
   */
  static TemplateParameterFormat format(@Nullable String format) {
    if (format == null) {
      return TemplateParameterFormat.POSITIONAL;
    }
    for (TemplateParameterFormat known : TemplateParameterFormat.values()) {
      if (known.name().equals(format.toUpperCase(Locale.ROOT))) {
        return known;
      }
    }
    throw refused("parameter_format", "must be POSITIONAL or NAMED; was '" + format + "'");
  }

  private static void checkHeader(
      String field, TemplateComponent header, TemplateParameterFormat parameterFormat) {
    String format = header.format() == null ? "" : header.format().toUpperCase(Locale.ROOT);
    if (!HEADER_FORMATS.contains(format)) {
      throw refused(field + ".format", "must be one of " + String.join(", ", HEADER_FORMATS));
    }
    if (format.equals("TEXT")) {
      checkText(field, header.text(), MAX_HEADER_TEXT);
      checkPlaceholders(field, header.text(), parameterFormat);
      if (placeholders(header.text()) > 1) {
        throw refused(field + ".text", "of a HEADER may contain at most 1 variable");
      }
      checkExamples(field, header.text(), header.example(), false, parameterFormat);
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

  /**
   * A template writes its placeholders in one format: {@code {{1}}} in a POSITIONAL one, {@code
   * {{name}}} in a NAMED one, never both; a name appears once per component.
   */
  private static void checkPlaceholders(
      String field, @Nullable String text, TemplateParameterFormat format) {
    if (text == null) {
      return;
    }
    String textField = field + ".text";
    List<String> positional = new ArrayList<>();
    List<String> named = new ArrayList<>();
    Matcher braces = ANY_BRACES.matcher(text);
    while (braces.find()) {
      String inside = braces.group(1);
      if (inside.matches("\\d+")) {
        positional.add(braces.group());
      } else if (format == TemplateParameterFormat.NAMED || NAME_LIKE.matcher(inside).matches()) {
        named.add(braces.group());
      }
    }
    if (!positional.isEmpty() && !named.isEmpty()) {
      throw refused(
          textField,
          "mixes positional and named placeholders ("
              + positional.get(0)
              + ", "
              + named.get(0)
              + "); a template uses one format: {{1}}, {{2}}, … with parameter_format POSITIONAL"
              + " or {{first_name}} with parameter_format NAMED");
    }
    if (format == TemplateParameterFormat.POSITIONAL && !named.isEmpty()) {
      throw refused(
          textField,
          "has the named placeholder "
              + named.get(0)
              + ", but the template's parameter_format is POSITIONAL: write {{1}}, {{2}}, … or set"
              + " parameter_format to NAMED");
    }
    if (format == TemplateParameterFormat.NAMED) {
      if (!positional.isEmpty()) {
        throw refused(
            textField,
            "has the positional placeholder "
                + positional.get(0)
                + ", but the template's parameter_format is NAMED: write named placeholders such"
                + " as {{first_name}}");
      }
      Set<String> seen = new HashSet<>();
      for (String placeholder : named) {
        String name = placeholder.substring(2, placeholder.length() - 2);
        if (!TemplatePlaceholders.NAME.matcher(name).matches()) {
          throw refused(
              textField,
              "has the placeholder "
                  + placeholder
                  + ": a name is a lowercase letter followed by lowercase letters, digits or"
                  + " underscores, at most "
                  + TemplatePlaceholders.MAX_NAME_LENGTH
                  + " characters in all");
        }
        if (!seen.add(name)) {
          throw refused(
              textField, "uses " + placeholder + " twice; each name appears once per component");
        }
      }
    }
  }

  private static void checkExamples(
      String field,
      @Nullable String text,
      @Nullable TemplateExample example,
      boolean body,
      TemplateParameterFormat format) {
    if (format == TemplateParameterFormat.NAMED) {
      checkNamedExamples(field, text, example, body);
      return;
    }
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

  private static void checkNamedExamples(
      String field, @Nullable String text, @Nullable TemplateExample example, boolean body) {
    List<String> names = TemplatePlaceholders.names(text);
    if (names.isEmpty()) {
      return;
    }
    String exampleField =
        field + ".example." + (body ? "body_text_named_params" : "header_text_named_params");
    List<TemplateNamedExample> samples =
        example == null
            ? null
            : body ? example.bodyTextNamedParams() : example.headerTextNamedParams();
    if (samples == null || samples.isEmpty()) {
      throw refused(
          exampleField,
          "is required: give {param_name, example} for each of " + String.join(", ", names));
    }
    Set<String> given = new LinkedHashSet<>();
    for (int i = 0; i < samples.size(); i++) {
      TemplateNamedExample sample = samples.get(i);
      String sampleField = exampleField + "[" + i + "]";
      String name = sample == null ? null : sample.paramName();
      if (name == null || name.isBlank()) {
        throw refused(sampleField + ".param_name", "is required");
      }
      if (!names.contains(name)) {
        throw refused(
            sampleField + ".param_name",
            "'"
                + name
                + "' is not a placeholder of the text; its placeholders are "
                + String.join(", ", names));
      }
      if (!given.add(name)) {
        throw refused(sampleField + ".param_name", "'" + name + "' is given twice");
      }
      if (sample.example() == null || sample.example().isBlank()) {
        throw refused(sampleField + ".example", "is required");
      }
    }
    List<String> missing = names.stream().filter(name -> !given.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw refused(exampleField, "gives no example for " + String.join(", ", missing));
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
    // A URL's variable stays positional in a NAMED template too: the send fills it with the
    // button's one parameter, which has no name.
    int variables = count(PLACEHOLDER, url);
    if (count(VARIABLE, url) > variables) {
      throw refused(field + ".url", "writes its variable {{1}}, also in a NAMED template");
    }
    if (variables > 1 || (variables == 1 && !url.endsWith("}}"))) {
      throw refused(field + ".url", "may contain at most 1 variable, at its end");
    }
    if (variables == 1 && (button.example() == null || button.example().isEmpty())) {
      throw refused(field + ".example", "is required for a URL with a variable");
    }
  }

  /** How many {@code {{n}}} and {@code {{name}}} placeholders the text contains. */
  static int placeholders(@Nullable String text) {
    return count(VARIABLE, text);
  }

  private static int count(Pattern pattern, @Nullable String text) {
    if (text == null) {
      return 0;
    }
    Matcher matcher = pattern.matcher(text);
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
