package org.openwaba.accounts.config;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the accounts module, under {@code openwaba.accounts}.
 *
 * @param adminKey the key that protects {@code /admin/v1} (environment variable {@code
 *     OPENWABA_ADMIN_KEY}); at least 24 characters and not a known example. Unset, the admin API is
 *     off; on PostgreSQL the server refuses to start without it
 * @param tokenCacheTtl how long a successful token look-up is reused before the store is read
 *     again; bounds how late a revocation made on another node takes effect
 * @param failedAuthPerMinute requests without valid credentials allowed per client address and
 *     minute before that address is answered 429, so that tokens cannot be guessed quickly
 * @param bootstrap the default account created on first start
 */
@Validated
@ConfigurationProperties("openwaba.accounts")
public record AccountsProperties(
    @Nullable String adminKey,
    @DefaultValue("5s") Duration tokenCacheTtl,
    @DefaultValue("30") @Min(1) int failedAuthPerMinute,
    @DefaultValue Bootstrap bootstrap) {

  /**
   * The default account created when the server starts on an empty store and no admin key is set,
   * or when {@code token} is set here for a scripted set-up. Every value may be fixed; unset ones
   * are minted.
   *
   * @param accountId the account's numeric id
   * @param phoneNumberId the sandbox phone number's numeric id
   * @param phoneNumber the sandbox business number in international format
   * @param token the access token (at least 32 characters); environment variable {@code
   *     OPENWABA_BOOTSTRAP_TOKEN}
   * @param appSecret the app secret that signs webhooks
   * @param messagesPerSecond the account's send limit
   */
  public record Bootstrap(
      @Nullable Long accountId,
      @Nullable Long phoneNumberId,
      @DefaultValue("+12025550100") String phoneNumber,
      @Nullable String token,
      @Nullable String appSecret,
      @DefaultValue("50") @Name("messages-per-second") int messagesPerSecond) {}
}
