package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageIdTests {

  @Test
  void acceptsUrlSafeBase64OfOneTo200Characters() {
    assertThat(MessageId.isWellFormed("wamid.A")).isTrue();
    assertThat(MessageId.isWellFormed("wamid." + "a".repeat(200))).isTrue();
    assertThat(MessageId.isWellFormed("wamid.AZaz09_-=")).isTrue();
  }

  @Test
  void refusesAnEmptyOrTooLongBodyAnotherPrefixAndOtherCharacters() {
    assertThat(MessageId.isWellFormed("wamid.")).isFalse();
    assertThat(MessageId.isWellFormed("wamid." + "a".repeat(201))).isFalse();
    assertThat(MessageId.isWellFormed("wamid")).isFalse();
    assertThat(MessageId.isWellFormed("WAMID.abc")).isFalse();
    assertThat(MessageId.isWellFormed("xwamid.abc")).isFalse();
    for (String bad : new String[] {"+", "/", ".", " ", "é", "\n", "ａ"}) {
      assertThat(MessageId.isWellFormed("wamid.ab" + bad + "cd")).as(bad).isFalse();
    }
    assertThatThrownBy(() -> new MessageId("wamid.a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a message id");
  }
}
