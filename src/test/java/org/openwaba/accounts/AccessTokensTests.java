package org.openwaba.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class AccessTokensTests {

  @Test
  void acceptsTokensOfSixteenToFiveHundredTwelveTokenCharacters() {
    assertThat(AccessTokens.isWellFormed("a".repeat(16))).isTrue();
    assertThat(AccessTokens.isWellFormed("a".repeat(512))).isTrue();
    assertThat(AccessTokens.isWellFormed("owa_AZaz09._~+/=-xyz")).isTrue();

    assertThat(AccessTokens.isWellFormed("a".repeat(15))).isFalse();
    assertThat(AccessTokens.isWellFormed("a".repeat(513))).isFalse();
    assertThat(AccessTokens.isWellFormed("")).isFalse();
  }

  @Test
  void refusesEveryOtherCharacter() {
    for (String bad :
        List.of(" ", "\t", "\n", "\"", ",", ";", ":", "!", "@", "*", "é", "😀", "\0")) {
      assertThat(AccessTokens.isWellFormed("owa_aaaaaaaaaaaa" + bad + "bbbb")).as(bad).isFalse();
    }
  }

  @Test
  void hashesToTheHexSha256OfTheUtf8Bytes() {
    // FIPS 180-2 test vector for "abc"
    assertThat(AccessTokens.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void hashesTheSameFromManyThreadsAtOnce() throws Exception {
    String expected = AccessTokens.hash("owa_concurrent_token_0123456789");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      Callable<Boolean> same =
          () -> AccessTokens.hash("owa_concurrent_token_0123456789").equals(expected);
      for (Future<Boolean> result : pool.invokeAll(Collections.nCopies(2_000, same))) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
