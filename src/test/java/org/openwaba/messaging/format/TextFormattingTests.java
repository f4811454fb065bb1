package org.openwaba.messaging.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openwaba.network.TextStyle.BOLD;
import static org.openwaba.network.TextStyle.ITALIC;
import static org.openwaba.network.TextStyle.MONOSPACE;
import static org.openwaba.network.TextStyle.STRIKETHROUGH;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openwaba.network.TextSpan;
import org.openwaba.network.TextStyle;

class TextFormattingTests {

  private static final String MARKERS = "*_~`";

  // --- the basic markers

  @Test
  void parsesBoldBetweenAsterisks() {
    assertThat(TextFormatting.parse("*bold*")).containsExactly(span("bold", BOLD));
  }

  @Test
  void parsesItalicBetweenUnderscores() {
    assertThat(TextFormatting.parse("_italic_")).containsExactly(span("italic", ITALIC));
  }

  @Test
  void parsesStrikethroughBetweenTildes() {
    assertThat(TextFormatting.parse("~gone~")).containsExactly(span("gone", STRIKETHROUGH));
  }

  @Test
  void parsesMonospaceBetweenTripleBackticks() {
    assertThat(TextFormatting.parse("```code```")).containsExactly(span("code", MONOSPACE));
  }

  @Test
  void parsesSeedExampleIntoPlainBoldPlain() {
    assertThat(TextFormatting.parse("Hello! This is an *important message*."))
        .containsExactly(plain("Hello! This is an "), span("important message", BOLD), plain("."));
  }

  @Test
  void parsesSingleCharacterContent() {
    assertThat(TextFormatting.parse("*a*")).containsExactly(span("a", BOLD));
    assertThat(TextFormatting.parse("```a```")).containsExactly(span("a", MONOSPACE));
  }

  @Test
  void returnsEmptyListForEmptyText() {
    assertThat(TextFormatting.parse("")).isEmpty();
  }

  @Test
  void returnsOnePlainSpanForTextWithoutMarkers() {
    assertThat(TextFormatting.parse("Just words, 123.\nAnd a line."))
        .containsExactly(plain("Just words, 123.\nAnd a line."));
  }

  @Test
  void returnsUnmodifiableList() {
    List<TextSpan> spans = TextFormatting.parse("*a* b");

    assertThatThrownBy(() -> spans.add(plain("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // --- balance: refusals

  @ParameterizedTest
  @ValueSource(strings = {"* not bold *", "_ not italic _", "~ not struck ~", "``` not code ```"})
  void leavesMarkersPaddedWithSpacesAsPlainText(String text) {
    assertThat(TextFormatting.parse(text)).containsExactly(plain(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"* not bold*", "*not bold *", "_\titalic_", "```code\n```"})
  void leavesMarkerWithWhitespaceOnItsInnerSideAsPlainText(String text) {
    assertThat(TextFormatting.parse(text)).containsExactly(plain(text));
  }

  @Test
  void treatsNoBreakSpaceAsWhitespace() {
    String text = "*\u00a0not bold\u00a0*";

    assertThat(TextFormatting.parse(text)).containsExactly(plain(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"**", "__", "~~", "``````", "a ** b", "x __ y", "*", "```"})
  void leavesEmptyPairAsPlainText(String text) {
    assertThat(TextFormatting.parse(text)).containsExactly(plain(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"*bold", "bold*", "_italic", "strike~", "```code", "code```", "*bold_", "_a~"})
  void leavesUnbalancedMarkerAsPlainText(String text) {
    assertThat(TextFormatting.parse(text)).containsExactly(plain(text));
  }

  @Test
  void leavesSingleBackticksAsPlainText() {
    assertThat(TextFormatting.parse("`code`")).containsExactly(plain("`code`"));
  }

  @Test
  void leavesUnmatchedMarkerBesideStyledRunAsPlainText() {
    assertThat(TextFormatting.parse("2 * 3 = *six*"))
        .containsExactly(plain("2 * 3 = "), span("six", BOLD));
  }

  // --- word boundaries

  @ParameterizedTest
  @ValueSource(strings = {"a*b*c", "snake_case_name", "x~y~z", "a```b```c", "3*4*5", "file_name_2"})
  void leavesMarkersInsideWordsAsPlainText(String text) {
    assertThat(TextFormatting.parse(text)).containsExactly(plain(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a*bold* x", "1_italic_ x", "x~strike~ x"})
  void leavesOpeningMarkerAfterLetterOrDigitAsPlainText(String text) {
    assertThat(TextFormatting.parse(text)).containsExactly(plain(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"x *bold*s", "x _italic_1", "x ```code```s"})
  void leavesClosingMarkerBeforeLetterOrDigitAsPlainText(String text) {
    assertThat(TextFormatting.parse(text)).containsExactly(plain(text));
  }

  @Test
  void formatsMarkersBetweenPunctuation() {
    assertThat(TextFormatting.parse("(*bold*)"))
        .containsExactly(plain("("), span("bold", BOLD), plain(")"));
    assertThat(TextFormatting.parse("*bold*,")).containsExactly(span("bold", BOLD), plain(","));
    assertThat(TextFormatting.parse("\"_quoted_\""))
        .containsExactly(plain("\""), span("quoted", ITALIC), plain("\""));
    assertThat(TextFormatting.parse("see:```x```!"))
        .containsExactly(plain("see:"), span("x", MONOSPACE), plain("!"));
  }

  @Test
  void formatsMarkersBetweenSpaces() {
    assertThat(TextFormatting.parse("a *b* c"))
        .containsExactly(plain("a "), span("b", BOLD), plain(" c"));
  }

  @Test
  void formatsContentThatHasInnerPunctuationAndSpaces() {
    assertThat(TextFormatting.parse("*one, two & three!*"))
        .containsExactly(span("one, two & three!", BOLD));
  }

  @Test
  void leavesMarkersBetweenNonLatinLettersAsPlainText() {
    assertThat(TextFormatting.parse("д*б*в")).containsExactly(plain("д*б*в"));
    assertThat(TextFormatting.parse("日*本*語")).containsExactly(plain("日*本*語"));
    assertThat(TextFormatting.parse("مرحبا_بك_يا")).containsExactly(plain("مرحبا_بك_يا"));
  }

  @Test
  void leavesMarkersBetweenNonLatinDigitsAsPlainText() {
    assertThat(TextFormatting.parse("٣*٤*٥")).containsExactly(plain("٣*٤*٥"));
    assertThat(TextFormatting.parse("१_२_३")).containsExactly(plain("१_२_३"));
  }

  @Test
  void formatsNonLatinWordsBetweenMarkers() {
    assertThat(TextFormatting.parse("привет *мир*"))
        .containsExactly(plain("привет "), span("мир", BOLD));
    assertThat(TextFormatting.parse("_こんにちは_")).containsExactly(span("こんにちは", ITALIC));
  }

  @Test
  void treatsCombiningMarkAsPartOfTheWordItIsWrittenOn() {
    // कि is क followed by the vowel sign ि (a combining mark): the marker is inside the word.
    assertThat(TextFormatting.parse("कि*x* y")).containsExactly(plain("कि*x* y"));
    assertThat(TextFormatting.parse("e\u0301*x* y")).containsExactly(plain("e\u0301*x* y"));
  }

  @Test
  void formatsMarkerAfterEmojiWithVariationSelector() {
    assertThat(TextFormatting.parse("❤️*love*")).containsExactly(plain("❤️"), span("love", BOLD));
  }

  // --- line breaks

  @ParameterizedTest
  @ValueSource(
      strings = {"*bold\nstill*", "_a\nb_", "~a\r\nb~", "*a\u2028b*", "*a\rb*", "*a\u0085b*"})
  void leavesInlineStyleAcrossLineBreakAsPlainText(String text) {
    assertThat(TextFormatting.parse(text)).allSatisfy(s -> assertThat(s.styles()).isEmpty());
  }

  @Test
  void leavesInlineStyleAroundMonospaceThatSpansLinesAsPlainText() {
    assertThat(TextFormatting.parse("*a ```x\ny``` b*"))
        .containsExactly(plain("*a "), span("x\ny", MONOSPACE), plain(" b*"));
  }

  @Test
  void formatsEachLineOnItsOwn() {
    assertThat(TextFormatting.parse("*one*\n*two*"))
        .containsExactly(span("one", BOLD), plain("\n"), span("two", BOLD));
  }

  @Test
  void leavesOpenerPlainWhenItsOnlyCloserIsOnTheNextLine() {
    assertThat(TextFormatting.parse("*a\nb* and *c*"))
        .containsExactly(plain("*a\nb* and "), span("c", BOLD));
  }

  @Test
  void spansMonospaceAcrossLines() {
    assertThat(TextFormatting.parse("```line one\nline two```"))
        .containsExactly(span("line one\nline two", MONOSPACE));
  }

  @Test
  void formatsInlineStyleAroundMonospaceOnOneLine() {
    assertThat(TextFormatting.parse("*run ```ls``` now*"))
        .containsExactly(span("run ", BOLD), span("ls", BOLD, MONOSPACE), span(" now", BOLD));
  }

  // --- nesting

  @Test
  void nestsItalicInsideBold() {
    assertThat(TextFormatting.parse("*_bold italic_*"))
        .containsExactly(span("bold italic", BOLD, ITALIC));
  }

  @Test
  void nestsStyledRunInsideBoldAsThreeSpans() {
    assertThat(TextFormatting.parse("*bold _both_ bold*"))
        .containsExactly(span("bold ", BOLD), span("both", BOLD, ITALIC), span(" bold", BOLD));
  }

  @Test
  void nestsAllThreeInlineStyles() {
    assertThat(TextFormatting.parse("~_*all*_~"))
        .containsExactly(span("all", BOLD, ITALIC, STRIKETHROUGH));
  }

  @Test
  void nestsMonospaceInsideEveryInlineStyle() {
    assertThat(TextFormatting.parse("*_~```x```~_*"))
        .containsExactly(span("x", BOLD, ITALIC, STRIKETHROUGH, MONOSPACE));
  }

  @Test
  void pairsOpeningMarkerWithNearestClosingMarkerSoStyleDoesNotNestInItself() {
    assertThat(TextFormatting.parse("*a *b* c*")).containsExactly(span("a *b", BOLD), plain(" c*"));
  }

  @Test
  void leavesPairThatWouldCrossAnotherPairAsPlainText() {
    assertThat(TextFormatting.parse("*bold _both* italic_"))
        .containsExactly(span("bold _both", BOLD), plain(" italic_"));
  }

  @Test
  void formatsInnerPairStartingRightAfterOuterMarker() {
    assertThat(TextFormatting.parse("_*a* b_"))
        .containsExactly(span("a", BOLD, ITALIC), span(" b", ITALIC));
  }

  // --- monospace content is literal

  @Test
  void keepsMarkersInsideMonospaceLiteral() {
    assertThat(TextFormatting.parse("```*not bold*```"))
        .containsExactly(span("*not bold*", MONOSPACE));
    assertThat(TextFormatting.parse("```a _b_ ~c~```"))
        .containsExactly(span("a _b_ ~c~", MONOSPACE));
  }

  @Test
  void doesNotCloseInlineStyleInsideMonospace() {
    assertThat(TextFormatting.parse("*a ```b* c```"))
        .containsExactly(plain("*a "), span("b* c", MONOSPACE));
  }

  @Test
  void doesNotOpenInlineStyleInsideMonospace() {
    assertThat(TextFormatting.parse("```a *b``` c*"))
        .containsExactly(span("a *b", MONOSPACE), plain(" c*"));
  }

  // --- emoji and surrogates

  @Test
  void keepsEmojiInsideStyledText() {
    assertThat(TextFormatting.parse("*hi 😀*")).containsExactly(span("hi 😀", BOLD));
    assertThat(TextFormatting.parse("_😀_")).containsExactly(span("😀", ITALIC));
    assertThat(TextFormatting.parse("~👍🏽 ok~")).containsExactly(span("👍🏽 ok", STRIKETHROUGH));
    assertThat(TextFormatting.parse("```👨‍👩‍👧```")).containsExactly(span("👨‍👩‍👧", MONOSPACE));
  }

  @Test
  void formatsMarkersNextToEmoji() {
    assertThat(TextFormatting.parse("😀*bold*😀"))
        .containsExactly(plain("😀"), span("bold", BOLD), plain("😀"));
  }

  @Test
  void keepsLoneSurrogatesAsPlainCharacters() {
    assertThat(TextFormatting.parse("\uD83D*bold*\uDE00"))
        .containsExactly(plain("\uD83D"), span("bold", BOLD), plain("\uDE00"));
    assertThat(TextFormatting.parse("*\uD800*")).containsExactly(span("\uD800", BOLD));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\uD800",
        "\uDFFF*",
        "*\uDBFF",
        "*",
        "_",
        "~",
        "`",
        "``",
        "```",
        "````",
        "\n",
        "*\n*",
        "```\n```",
        "*_~`",
        "\u0301*",
        "*\u0301*",
        "\u0301\u0301_x_"
      })
  void neverThrowsForOddInput(String text) {
    List<TextSpan> spans = TextFormatting.parse(text);

    assertWellFormed(text, spans);
  }

  // --- position and number of runs

  @Test
  void formatsMarkersAtStartAndEndOfText() {
    assertThat(TextFormatting.parse("*start* middle _end_"))
        .containsExactly(span("start", BOLD), plain(" middle "), span("end", ITALIC));
  }

  @Test
  void formatsMultipleStyledRunsInOneMessage() {
    assertThat(TextFormatting.parse("*a* and _b_, ~c~ or ```d```."))
        .containsExactly(
            span("a", BOLD),
            plain(" and "),
            span("b", ITALIC),
            plain(", "),
            span("c", STRIKETHROUGH),
            plain(" or "),
            span("d", MONOSPACE),
            plain("."));
  }

  @Test
  void formatsSeveralRunsOfTheSameStyle() {
    assertThat(TextFormatting.parse("*one* two *three*"))
        .containsExactly(span("one", BOLD), plain(" two "), span("three", BOLD));
  }

  @Test
  void mergesAdjacentSpansWithEqualStyles() {
    assertThat(TextFormatting.parse("*a**b*")).containsExactly(span("ab", BOLD));
    assertThat(TextFormatting.parse("*_a__b_*")).containsExactly(span("ab", BOLD, ITALIC));
    assertThat(TextFormatting.parse("```a``````b```")).containsExactly(span("ab", MONOSPACE));
  }

  @Test
  void mergesUnmatchedMarkersIntoTheSurroundingPlainText() {
    assertThat(TextFormatting.parse("a * b _ c")).containsExactly(plain("a * b _ c"));
  }

  // --- size and speed

  @Test
  void parsesMessageOf4096CodePoints() {
    String emoji = "😀".repeat(4094);

    assertThat(TextFormatting.parse("*" + emoji + "*")).containsExactly(span(emoji, BOLD));
  }

  @Test
  void parsesLongMessageWithManyStyledRuns() {
    String text = "*bold* _it_ ~st~ ```mono``` plain ".repeat(3000);

    List<TextSpan> spans = TextFormatting.parse(text);

    assertWellFormed(text, spans);
    assertThat(spans).hasSize(3000 * 8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"*_~", "*a", "a*", "_ ", "```a", "`", "*\n", "(*", "*x_y~z"})
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void parsesAdversarialRepetitionOfOneHundredThousandCharacters(String unit) {
    String text = unit.repeat(100_000 / unit.length() + 1);

    List<TextSpan> spans = TextFormatting.parse(text);

    assertWellFormed(text, spans);
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void parsesOpenerWhoseOnlyCloserIsFarAway() {
    String text = "*" + "a ".repeat(50_000) + "b*" + " *".repeat(50_000);

    List<TextSpan> spans = TextFormatting.parse(text);

    assertWellFormed(text, spans);
    assertThat(spans.get(0).styles()).containsExactly(BOLD);
  }

  // --- properties over random text

  @Test
  void keepsRandomTextConsistent() {
    String[] alphabet = {"*", "_", "~", "`", "```", "a", "b", "1", " ", " ", "\n", "😀", "(", "."};
    Random random = new Random(20240501L);
    for (int n = 0; n < 500; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int k = 0; k < length; k++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String input = text.toString();

      List<TextSpan> spans = TextFormatting.parse(input);

      assertWellFormed(input, spans);
    }
  }

  @Test
  void returnsRandomTextWithoutMarkersAsOnePlainSpan() {
    String[] alphabet = {"a", "Z", "9", " ", "\n", "😀", ",", "é", "ж"};
    Random random = new Random(7L);
    for (int n = 0; n < 300; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(30);
      for (int k = 0; k < length; k++) {
        text.append(alphabet[random.nextInt(alphabet.length)]);
      }
      String input = text.toString();

      assertThat(TextFormatting.parse(input)).as("parse(%s)", input).containsExactly(plain(input));
    }
  }

  /**
   * Checks what holds for every parse: spans are non-empty and differ in style from their
   * neighbours; their text is the input with only marker characters taken out, removed in whole
   * pairs; and only monospace may span a line break.
   */
  private static void assertWellFormed(String input, List<TextSpan> spans) {
    String description = "parse(" + input.substring(0, Math.min(input.length(), 60)) + ")";
    StringBuilder joined = new StringBuilder();
    for (int k = 0; k < spans.size(); k++) {
      TextSpan span = spans.get(k);
      assertThat(span.text()).as(description).isNotEmpty();
      if (k > 0) {
        assertThat(span.styles()).as(description).isNotEqualTo(spans.get(k - 1).styles());
      }
      if (span.text().contains("\n")) {
        assertThat(span.styles()).as(description).isSubsetOf(MONOSPACE);
      }
      joined.append(span.text());
    }
    if (input.isEmpty()) {
      assertThat(spans).as(description).isEmpty();
    }
    int[] removed = removedMarkers(input, joined.toString(), description);
    assertThat(removed[0] % 2).as(description + " removed *").isZero();
    assertThat(removed[1] % 2).as(description + " removed _").isZero();
    assertThat(removed[2] % 2).as(description + " removed ~").isZero();
    assertThat(removed[3] % 6).as(description + " removed `").isZero();
  }

  /**
   * Matches the output against the input as a subsequence, where everything skipped must be a
   * marker. Taking each equal character greedily is safe: a skipped character equal to the next
   * output character is a marker, so it can swap with the one matched later.
   *
   * @return how many of each marker were removed, in the order of {@link #MARKERS}
   */
  private static int[] removedMarkers(String input, String output, String description) {
    int[] removed = new int[MARKERS.length()];
    int o = 0;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (o < output.length() && output.charAt(o) == c) {
        o++;
      } else {
        assertThat(MARKERS.indexOf(c))
            .as(description + " dropped '" + c + "' at " + i)
            .isNotNegative();
        removed[MARKERS.indexOf(c)]++;
      }
    }
    assertThat(o)
        .as(description + " output is a subsequence of the input")
        .isEqualTo(output.length());
    return removed;
  }

  private static TextSpan plain(String text) {
    return new TextSpan(text, Set.of());
  }

  private static TextSpan span(String text, TextStyle... styles) {
    return new TextSpan(text, Set.of(styles));
  }
}
