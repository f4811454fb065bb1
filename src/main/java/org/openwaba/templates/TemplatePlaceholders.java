package org.openwaba.templates;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The placeholders of a template's text, and the text with values filled in: positional ones
 * ({@code {{1}}}…{@code {{n}}}) for a {@code POSITIONAL} template, named ones ({@code
 * {{first_name}}}) for a {@code NAMED} one. Creation has already refused a text that mixes them.
 */
public final class TemplatePlaceholders {

  /**
   * The longest placeholder name. whatsapp-api-js caps names at 20 characters
   * (reference/cloud-api.md §2.8); Meta publishes no other figure.
   */
  public static final int MAX_NAME_LENGTH = 20;

  /**
   * A placeholder name: a lowercase letter, then lowercase letters, digits or underscores, at most
   * {@value #MAX_NAME_LENGTH} characters in all.
   */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,19}");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");
  private static final Pattern NAMED = Pattern.compile("\\{\\{([a-z][a-z0-9_]{0,19})}}");

  private TemplatePlaceholders() {}

  /**
   * The distinct placeholder numbers of the text, ascending: the i-th parameter of a message fills
   * the i-th of them. Empty for null or text without placeholders.
   */
  public static List<Integer> numbers(@Nullable String text) {
    TreeSet<Integer> numbers = new TreeSet<>();
    if (text != null) {
      Matcher matcher = PLACEHOLDER.matcher(text);
      while (matcher.find()) {
        numbers.add(Integer.parseInt(matcher.group(1)));
      }
    }
    return List.copyOf(numbers);
  }

  /**
   * The distinct placeholder names of the text, in order of first appearance. Empty for null or
   * text without named placeholders.
   */
  public static List<String> names(@Nullable String text) {
    LinkedHashSet<String> names = new LinkedHashSet<>();
    if (text != null) {
      Matcher matcher = NAMED.matcher(text);
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return List.copyOf(names);
  }

  /**
   * The text with each placeholder replaced by the i-th value, where i is its position in {@link
   * #numbers}; a placeholder without a value stays as it is.
   */
  public static String fill(String text, List<String> values) {
    List<Integer> numbers = numbers(text);
    Map<Integer, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < numbers.size(); i++) {
      position.put(numbers.get(i), i);
    }
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Integer index = position.get(Integer.parseInt(matcher.group(1)));
      String value = index != null && index < values.size() ? values.get(index) : matcher.group();
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /**
   * The text with each named placeholder replaced by the value of that name; a placeholder without
   * a value stays as it is.
   */
  public static String fillNamed(String text, Map<String, String> values) {
    Matcher matcher = NAMED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.getOrDefault(matcher.group(1), matcher.group());
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
