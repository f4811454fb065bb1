package org.openwaba.templates.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openwaba.templates.Template;
import org.openwaba.templates.TemplateButton;
import org.openwaba.templates.TemplateComponent;
import org.openwaba.templates.TemplateParameterFormat;
import org.openwaba.templates.config.TemplatesProperties;

/**
 * The automatic review's rules, a pure function of the template and the settings. A rejection's
 * reason starts with Meta's reason code ({@code INVALID_FORMAT: …}, or the configured one for a
 * denied word) and says what to change. Rules run in a fixed order and the first failure decides:
 * only variables, numbering (for a {@code NAMED} template: well-formed names), variable at an edge,
 * adjacent variables, variables per word, denied words. Creation-time limits (lengths, counts,
 * examples) are {@code TemplateRules}' job and have already passed.
 */
final class ReviewRules {

  // Creation has refused a template that mixes the two forms, so either matches its variables.
  private static final String ONE_VARIABLE = "\\{\\{(?:\\d+|[a-z][a-z0-9_]{0,19})}}";
  private static final Pattern POSITIONAL = Pattern.compile("\\{\\{(\\d+)}}");
  private static final Pattern VARIABLE = Pattern.compile(ONE_VARIABLE);
  private static final Pattern ANY_BRACES = Pattern.compile("\\{\\{(.*?)}}");
  private static final Pattern ADJACENT =
      Pattern.compile("(" + ONE_VARIABLE + ")\\s*(" + ONE_VARIABLE + ")");

  private ReviewRules() {}

  /** Why the template is rejected, or empty if every enabled rule passes. */
  static Optional<String> rejection(Template template, TemplatesProperties.Review rules) {
    String body = textOf(template, "BODY");
    String header = textOf(template, "HEADER");
    if (body == null) {
      return Optional.empty();
    }
    int variables = count(body);
    if (rules.rejectOnlyPlaceholders() && variables > 0 && words(body) == 0) {
      return invalid("the body is only variables; add text that says what the message is about");
    }
    if (rules.rejectWrongNumbering()) {
      boolean named = template.parameterFormat() == TemplateParameterFormat.NAMED;
      Optional<String> numbering = named ? naming("body", body) : numbering("body", body);
      if (numbering.isEmpty() && header != null) {
        numbering = named ? naming("header", header) : numbering("header", header);
      }
      if (numbering.isPresent()) {
        return numbering;
      }
    }
    if (rules.rejectPlaceholderAtEdges()) {
      String stripped = body.strip();
      if (stripped.startsWith("{{") && VARIABLE.matcher(stripped).lookingAt()) {
        return invalid("the body starts with a variable; put fixed text before it");
      }
      if (stripped.endsWith("}}") && endsWithVariable(stripped)) {
        return invalid("the body ends with a variable; put fixed text after it");
      }
    }
    if (rules.rejectAdjacentPlaceholders()) {
      Matcher adjacent = ADJACENT.matcher(body);
      if (adjacent.find()) {
        return invalid(
            "the variables "
                + adjacent.group(1)
                + " and "
                + adjacent.group(2)
                + " have no text between them");
      }
    }
    int perVariable = rules.minWordsPerPlaceholder();
    if (perVariable > 0 && variables > 0 && words(body) < variables * perVariable) {
      return invalid(
          "too many variables for the length of the body: "
              + variables
              + " variable(s) need at least "
              + variables * perVariable
              + " words of fixed text, found "
              + words(body));
    }
    for (String denied : rules.denyWords()) {
      if (denied.isBlank()) {
        continue;
      }
      Pattern word =
          Pattern.compile(
              "(?<![\\p{L}\\p{N}])" + Pattern.quote(denied.strip()) + "(?![\\p{L}\\p{N}])",
              Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      for (String text : texts(template)) {
        if (word.matcher(text).find()) {
          return Optional.of(
              rules.denyReason().toUpperCase(Locale.ROOT)
                  + ": the template contains '"
                  + denied.strip()
                  + "', which this server does not allow");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Variables must be {{1}}…{{n}}, first used in that order; anything else in braces is refused.
   */
  private static Optional<String> numbering(String where, String text) {
    Matcher braces = ANY_BRACES.matcher(text);
    while (braces.find()) {
      if (!braces.group(1).matches("\\d+")) {
        return invalid(
            "the "
                + where
                + " has a malformed variable "
                + braces.group()
                + "; write variables as {{1}}, {{2}}, …");
      }
    }
    Set<Integer> firstSeen = new LinkedHashSet<>();
    Matcher variable = POSITIONAL.matcher(text);
    while (variable.find()) {
      firstSeen.add(Integer.parseInt(variable.group(1)));
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 1; i <= firstSeen.size(); i++) {
      expected.add(i);
    }
    List<Integer> found = new ArrayList<>(firstSeen);
    if (!found.equals(expected)) {
      return invalid(
          "the "
              + where
              + "'s variables must be numbered "
              + render(expected)
              + " in order of appearance; found "
              + render(found));
    }
    return Optional.empty();
  }

  /** A NAMED template's variables must be names; anything else in braces is refused. */
  private static Optional<String> naming(String where, String text) {
    Matcher braces = ANY_BRACES.matcher(text);
    while (braces.find()) {
      if (!braces.group().matches(ONE_VARIABLE) || braces.group(1).matches("\\d+")) {
        return invalid(
            "the "
                + where
                + " has a malformed variable "
                + braces.group()
                + "; write named variables as {{first_name}}");
      }
    }
    return Optional.empty();
  }

  private static boolean endsWithVariable(String text) {
    Matcher matcher = VARIABLE.matcher(text);
    int end = -1;
    while (matcher.find()) {
      end = matcher.end();
    }
    return end == text.length();
  }

  private static String render(List<Integer> numbers) {
    List<String> parts = new ArrayList<>();
    numbers.forEach(n -> parts.add("{{" + n + "}}"));
    return String.join(", ", parts);
  }

  private static int count(String text) {
    Matcher matcher = VARIABLE.matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  /** Words of fixed text: runs of letters or digits outside the variables. */
  private static int words(String text) {
    Matcher word =
        Pattern.compile("[\\p{L}\\p{N}]+").matcher(ANY_BRACES.matcher(text).replaceAll(" "));
    int count = 0;
    while (word.find()) {
      count++;
    }
    return count;
  }

  private static @Nullable String textOf(Template template, String type) {
    for (TemplateComponent component : template.components()) {
      if (type.equalsIgnoreCase(component.type())
          && (!type.equals("HEADER") || "TEXT".equalsIgnoreCase(component.format()))) {
        return component.text();
      }
    }
    return null;
  }

  private static List<String> texts(Template template) {
    List<String> texts = new ArrayList<>();
    for (TemplateComponent component : template.components()) {
      if (component.text() != null) {
        texts.add(component.text());
      }
      if (component.buttons() != null) {
        for (TemplateButton button : component.buttons()) {
          if (button.text() != null) {
            texts.add(button.text());
          }
        }
      }
    }
    return texts;
  }

  private static Optional<String> invalid(String explanation) {
    return Optional.of("INVALID_FORMAT: " + explanation);
  }
}
