package org.openwaba.webhooks.outbox;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import org.openwaba.accounts.AccountId;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.WebhookRegistration;
import org.openwaba.webhooks.store.RegistrationStore;
import org.openwaba.webhooks.store.RegistrationStore.StoredRegistration;
import org.springframework.stereotype.Component;

/**
 * Which registrations of an account subscribe to which events, cached because every status change
 * asks. A change made through this server clears the account's entry at once; one made by another
 * node of a cluster takes effect within five seconds.
 */
@Component
public class Subscribers {

  private final LoadingCache<AccountId, List<WebhookRegistration>> byAccount;

  Subscribers(RegistrationStore registrations) {
    this.byAccount =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build(
                account ->
                    registrations.ofAccount(account).stream()
                        .map(StoredRegistration::registration)
                        .toList());
  }

  /** The account's registrations that subscribe to {@code event}. */
  public List<WebhookRegistration> of(AccountId account, WebhookEvent event) {
    List<WebhookRegistration> all = byAccount.get(account);
    if (all.isEmpty()) {
      return all;
    }
    return all.stream().filter(r -> r.events().contains(event)).toList();
  }

  /** Forgets the account's registrations after a change. */
  public void forget(AccountId account) {
    byAccount.invalidate(account);
  }
}
