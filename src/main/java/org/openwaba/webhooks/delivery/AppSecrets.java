package org.openwaba.webhooks.delivery;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AccountId;
import org.springframework.stereotype.Component;

/** The accounts' app secrets, which sign their webhooks; cached for a minute, never logged. */
@Component
class AppSecrets {

  private final LoadingCache<AccountId, String> secrets;

  AppSecrets(AccountDirectory directory) {
    this.secrets =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build(
                account ->
                    directory
                        .appSecret(account)
                        .orElseThrow(
                            () -> new IllegalStateException("no account " + account.value())));
  }

  String of(AccountId account) {
    return secrets.get(account);
  }
}
