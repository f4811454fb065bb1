package org.openwaba.webhooks.delivery;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AccountId;
import org.openwaba.webhooks.payload.Signatures;
import org.openwaba.webhooks.payload.Signatures.Signer;
import org.springframework.stereotype.Component;

/**
 * Signers keyed with the accounts' app secrets, which sign their webhooks; cached for a minute, and
 * neither the secrets nor the signers are ever logged.
 */
@Component
class AppSecrets {

  private final LoadingCache<AccountId, Signer> signers;

  AppSecrets(AccountDirectory directory) {
    this.signers =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build(
                account ->
                    directory
                        .appSecret(account)
                        .map(Signatures::signer)
                        .orElseThrow(
                            () -> new IllegalStateException("no account " + account.value())));
  }

  Signer of(AccountId account) {
    return signers.get(account);
  }
}
