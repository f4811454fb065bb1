package org.openwaba.webhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON text byte-exact with JavaScript's JSON.stringify, and Meta's escaped form of it. */
class JsonTextTests {

  @Test
  void escapesOnlyWhatJsonStringifyEscapes() {
    assertThat(JsonText.stringify("q\"b\\s/\b\f\n\r\t\u0001\u001f\u007f\u2028é😀"))
        .isEqualTo("\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\u2028é😀\"");
  }

  @Test
  void escapesLoneSurrogatesInLowerCaseAsWellFormedStringifyDoes() {
    assertThat(JsonText.stringify("a\uD83Db\uDE00")).isEqualTo("\"a\\ud83db\\ude00\"");
  }

  @Test
  void writesMapsInOrderWithoutNullsAndNumbersAsJavaScriptPrintsThem() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("z", 1);
    value.put("a", List.of(true, false, 9007199254740991L));
    value.put("skipped", null);
    value.put("lat", 37.4847);
    value.put("whole", 2.0);
    assertThat(JsonText.stringify(value))
        .isEqualTo("{\"z\":1,\"a\":[true,false,9007199254740991],\"lat\":37.4847,\"whole\":2}");
  }

  @Test
  void metasFormEscapesEveryNonAsciiCharacterInLowerCase() {
    String json = JsonText.stringify(Map.of("t", "Olá 😀 \u2028"));
    assertThat(JsonText.escapeNonAscii(json))
        .isEqualTo("{\"t\":\"Ol\\u00e1 \\ud83d\\ude00 \\u2028\"}");
    assertThat(JsonText.escapeNonAscii("{\"ascii\":1}")).isEqualTo("{\"ascii\":1}");
  }
}
