package org.openwaba.templates;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The positional placeholders {@code {{1}}}…{@code {{n}}} of a template's text, and the text with
 * values filled in. Named placeholders ({@code {{first_name}}}) are not part of the catalogue: a
 * template's text holds only numbered ones.
 */
public final class TemplatePlaceholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\d+)}}");

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
}
