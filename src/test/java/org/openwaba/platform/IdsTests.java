package org.openwaba.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTests {

  private final Ids ids = new Ids();

  @Test
  void numericIdsStayWithinJavaScriptsSafeIntegers() {
    for (int i = 0; i < 100_000; i++) {
      long id = ids.numericId();
      assertThat(id).isBetween(100_000_000_000_000L, (1L << 53) - 1);
    }
    assertThat(Ids.MAX_SAFE_INTEGER).isEqualTo(9_007_199_254_740_991L);
  }

  @Test
  void opaqueIdsAreUrlSafeAndUnique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String id = ids.opaqueId();
      assertThat(id).matches("[A-Za-z0-9_-]{22}");
      assertThat(seen.add(id)).isTrue();
    }
  }

  @Test
  void secretsHaveTheRequestedStrength() {
    assertThat(ids.secretBytes(32)).hasSize(32);
    assertThat(ids.secret(32)).matches("[A-Za-z0-9_-]{43}");
    assertThatThrownBy(() -> ids.secretBytes(15)).hasMessageContaining("at least 16, was 15");
  }
}
