package org.openwaba.accounts.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdminKeyPolicyTests {

  @Test
  void requiresAKeyOnlyOnAProductionStore() {
    assertThat(AdminKeyPolicy.refusal(null, true)).contains("OPENWABA_ADMIN_KEY is not set");
    assertThat(AdminKeyPolicy.refusal(" ", true)).contains("not set");
    assertThat(AdminKeyPolicy.refusal(null, false)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"changeme", "CHANGEME", "admin", "password123", "YOUR_ADMIN_KEY", "secret"})
  void refusesKnownExampleKeys(String key) {
    assertThat(AdminKeyPolicy.refusal(key, false)).contains("known example");
  }

  @Test
  void refusesKeysShorterThan24Characters() {
    assertThat(AdminKeyPolicy.refusal("k9X2mQ7vB4nL8pR3tW6yZ1c", false)).contains("too short (23");
    assertThat(AdminKeyPolicy.refusal("k9X2mQ7vB4nL8pR3tW6yZ1cD", false)).isNull();
  }

  @Test
  void refusesRepetitiveKeys() {
    assertThat(AdminKeyPolicy.refusal("abababababababababababababab", false)).contains("distinct");
  }

  @Test
  void acceptsARandomHexKeyOnBothStores() {
    String key = "3f9a1c7e5b2d4f608e1a9c3b7d5f2e4a";
    assertThat(AdminKeyPolicy.refusal(key, true)).isNull();
    assertThat(AdminKeyPolicy.refusal(key, false)).isNull();
  }
}
