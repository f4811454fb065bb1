package org.openwaba.network.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openwaba.network.TextSpan;
import org.openwaba.network.TextStyle;

class SpansJsonTests {

  @Test
  void storesStylesInLowerCaseAndInStyleOrder() {
    List<TextSpan> spans =
        List.of(
            new TextSpan("Hi ", Set.of()),
            new TextSpan(
                "there", Set.of(TextStyle.STRIKETHROUGH, TextStyle.BOLD, TextStyle.ITALIC)));

    assertThat(SpansJson.write(spans))
        .isEqualTo(
            "[{\"text\":\"Hi \",\"styles\":[]},"
                + "{\"text\":\"there\",\"styles\":[\"bold\",\"italic\",\"strikethrough\"]}]");
  }

  @Test
  void readsBackWhatItWrote() {
    List<TextSpan> spans =
        List.of(
            new TextSpan("a \"quoted\" 😀 ", Set.of(TextStyle.MONOSPACE)),
            new TextSpan("\n*not bold*", Set.of()));

    assertThat(SpansJson.read(SpansJson.write(spans))).isEqualTo(spans);
  }

  @Test
  void escapesQuotesAndControlCharactersAndKeepsOtherCharacters() {
    assertThat(SpansJson.write(List.of(new TextSpan("say \"hi\"\n\t😀", Set.of()))))
        .isEqualTo("[{\"text\":\"say \\\"hi\\\"\\n\\t😀\",\"styles\":[]}]");
  }

  @Test
  void storesAMessageWithoutTextAsAnEmptyList() {
    assertThat(SpansJson.write(List.of())).isEqualTo("[]");
    assertThat(SpansJson.read("[]")).isEmpty();
  }
}
