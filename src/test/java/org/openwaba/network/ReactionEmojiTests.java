package org.openwaba.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import tools.jackson.databind.node.JsonNodeFactory;

class ReactionEmojiTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "👍",
        "👍🏽",
        "👩‍👩‍👧",
        "👨🏿‍💻",
        "🇩🇪",
        "🏴󠁧󠁢󠁳󠁣󠁴󠁿",
        "1️⃣",
        "#️⃣",
        "❤️",
        "❤",
        "☺",
        "😀",
        "🫠"
      })
  void acceptsExactlyOneEmojiOfAnyShape(String emoji) {
    assertThat(ReactionEmoji.isOneEmoji(emoji)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "a",
        "1",
        "#",
        "hi",
        " ",
        "👍👍",
        "👍 ",
        " 👍",
        "👍a",
        "🇩",
        "\u200D",
        "\uFE0F",
        "🇩🇪🇫🇷"
      })
  void refusesAnythingElse(String text) {
    assertThat(ReactionEmoji.isOneEmoji(text)).isFalse();
  }

  @Test
  void refusesAStringLongerThanAnyEmojiSequence() {
    assertThat(ReactionEmoji.isOneEmoji("👍".repeat(ReactionEmoji.MAX_LENGTH))).isFalse();
  }

  @Test
  void takesTheEmptyStringAsARemoval() {
    assertThat(ReactionEmoji.require(JsonNodeFactory.instance.stringNode(""), "reaction.emoji"))
        .isEmpty();
  }

  @Test
  void namesTheFieldWhenMissingOrWrong() {
    assertThatThrownBy(() -> ReactionEmoji.require(null, "reaction.emoji"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_PARAMETER);
              assertThat(e.details()).isEqualTo("reaction.emoji is required");
            });
    assertThatThrownBy(
            () ->
                ReactionEmoji.require(JsonNodeFactory.instance.stringNode("ok"), "reaction.emoji"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER);
              assertThat(e.details()).startsWith("reaction.emoji must be exactly one emoji");
            });
    assertThatThrownBy(
            () -> ReactionEmoji.require(JsonNodeFactory.instance.numberNode(1), "reaction.emoji"))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.details()).startsWith("reaction.emoji must be a string"));
  }
}
