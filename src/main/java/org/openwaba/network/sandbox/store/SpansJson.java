package org.openwaba.network.sandbox.store;

import java.io.StringWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openwaba.network.TextSpan;
import org.openwaba.network.TextStyle;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of a message's formatting: {@code [{"text":"Hi ","styles":[]},
 * {"text":"there","styles":["bold"]}]}, styles in lower case and in {@link TextStyle} order. Its
 * own mapper keeps the stored form independent of the API's JSON settings. Thread-safe. Written
 * with the mapper's generator rather than through records: every sandbox delivery writes it inside
 * the sends' group commit.
 */
final class SpansJson {

  private record Span(String text, List<String> styles) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<Span>> SPANS = new TypeReference<>() {};
  private static final TextStyle[] STYLES = TextStyle.values();
  private static final String[] STYLE_NAMES = new String[STYLES.length];

  static {
    for (TextStyle style : STYLES) {
      STYLE_NAMES[style.ordinal()] = style.name().toLowerCase(Locale.ROOT);
    }
  }

  private SpansJson() {}

  static String write(List<TextSpan> spans) {
    StringWriter out = new StringWriter(16 + 48 * spans.size());
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      for (TextSpan span : spans) {
        json.writeStartObject();
        json.writeStringProperty("text", span.text());
        json.writeName("styles");
        json.writeStartArray();
        for (TextStyle style : STYLES) {
          if (span.styles().contains(style)) {
            json.writeString(STYLE_NAMES[style.ordinal()]);
          }
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    return out.toString();
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
