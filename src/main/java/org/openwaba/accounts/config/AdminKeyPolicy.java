package org.openwaba.accounts.config;

import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an admin key is acceptable. A production store without a key, or any store with a
 * short, repetitive or well-known example key, stops the server at start-up with the reason.
 */
final class AdminKeyPolicy {

  static final int MIN_LENGTH = 24;

  private static final Set<String> KNOWN_WEAK =
      Set.of(
          "changeme",
          "change-me",
          "admin",
          "administrator",
          "password",
          "secret",
          "default",
          "example",
          "test",
          "testing",
          "letmein",
          "your_access_token",
          "your_admin_key",
          "your-admin-key",
          "openwaba",
          "openwaba-admin-key",
          "admin-key",
          "adminkey",
          "supersecret",
          "qwerty");

  private AdminKeyPolicy() {}

  /**
   * The reason the key is refused, or null if it is acceptable.
   *
   * @param productionStore whether the store is PostgreSQL, where a key is mandatory
   */
  static @Nullable String refusal(@Nullable String key, boolean productionStore) {
    if (key == null || key.isBlank()) {
      return productionStore
          ? "OPENWABA_ADMIN_KEY is not set. On PostgreSQL (a production set-up) the admin API"
              + " must be protected: set it to a random value of at least "
              + MIN_LENGTH
              + " characters, e.g. the output of `openssl rand -hex 32`"
          : null;
    }
    String normalized = key.strip().toLowerCase(Locale.ROOT);
    for (String weak : KNOWN_WEAK) {
      if (normalized.contains(weak) && normalized.length() < weak.length() + 16) {
        return "OPENWABA_ADMIN_KEY is a known example or weak value ('"
            + weak
            + "'); use a random value such as the output of `openssl rand -hex 32`";
      }
    }
    if (key.length() < MIN_LENGTH) {
      return "OPENWABA_ADMIN_KEY is too short ("
          + key.length()
          + " characters); use at least "
          + MIN_LENGTH
          + ", e.g. the output of `openssl rand -hex 32`";
    }
    if (key.chars().distinct().count() < 8) {
      return "OPENWABA_ADMIN_KEY repeats too few distinct characters to be random; use the output"
          + " of `openssl rand -hex 32`";
    }
    return null;
  }
}
