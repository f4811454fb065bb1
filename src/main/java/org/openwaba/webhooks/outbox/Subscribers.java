package org.openwaba.webhooks.outbox;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.openwaba.accounts.AccountId;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.WebhookRegistration;
import org.openwaba.webhooks.store.RegistrationStore;
import org.openwaba.webhooks.store.RegistrationStore.StoredRegistration;
import org.springframework.stereotype.Component;

/**
 * Which registrations of an account subscribe to which events, cached because every status change
 * asks. A change made through this server clears the account's entry at once; one made by another
 * node of a cluster takes effect within five seconds. Each entry is already split by event: the
 * question is asked in the sends' group commit, twice per status change.
 */
@Component
public class Subscribers {

  private final LoadingCache<AccountId, Map<WebhookEvent, List<WebhookRegistration>>> byAccount;

  Subscribers(RegistrationStore registrations) {
    this.byAccount =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build(account -> byEvent(registrations.ofAccount(account)));
  }

  private static Map<WebhookEvent, List<WebhookRegistration>> byEvent(
      List<StoredRegistration> stored) {
    Map<WebhookEvent, List<WebhookRegistration>> byEvent = new EnumMap<>(WebhookEvent.class);
    for (StoredRegistration s : stored) {
      for (WebhookEvent event : s.registration().events()) {
        byEvent.computeIfAbsent(event, e -> new ArrayList<>()).add(s.registration());
      }
    }
    byEvent.replaceAll((event, list) -> List.copyOf(list));
    return byEvent;
  }

  /** The account's registrations that subscribe to {@code event}, in registration order. */
  public List<WebhookRegistration> of(AccountId account, WebhookEvent event) {
    return byAccount.get(account).getOrDefault(event, List.of());
  }

  /** Forgets the account's registrations after a change. */
  public void forget(AccountId account) {
    byAccount.invalidate(account);
  }
}
