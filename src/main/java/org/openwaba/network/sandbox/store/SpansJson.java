package org.openwaba.network.sandbox.store;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openwaba.network.TextSpan;
import org.openwaba.network.TextStyle;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of a message's formatting: {@code [{"text":"Hi ","styles":[]},
 * {"text":"there","styles":["bold"]}]}, styles in lower case and in {@link TextStyle} order. Its
 * own mapper keeps the stored form independent of the API's JSON settings. Thread-safe.
 */
final class SpansJson {

  private record Span(String text, List<String> styles) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<Span>> SPANS = new TypeReference<>() {};

  private SpansJson() {}

  static String write(List<TextSpan> spans) {
    return JSON.writeValueAsString(
        spans.stream()
            .map(
                span ->
                    new Span(
                        span.text(),
                        span.styles().stream()
                            .sorted()
                            .map(style -> style.name().toLowerCase(Locale.ROOT))
                            .toList()))
            .toList());
  }

  static List<TextSpan> read(String json) {
    return JSON.readValue(json, SPANS).stream()
        .map(span -> new TextSpan(span.text(), styles(span.styles())))
        .toList();
  }

  private static Set<TextStyle> styles(List<String> names) {
    Set<TextStyle> styles = EnumSet.noneOf(TextStyle.class);
    names.forEach(name -> styles.add(TextStyle.valueOf(name.toUpperCase(Locale.ROOT))));
    return styles;
  }
}
