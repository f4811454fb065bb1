package org.openwaba.webhooks.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.springframework.stereotype.Component;

/**
 * The display number of each business phone number, for the {@code metadata} of every change.
 * Cached without expiry: a phone number's display number never changes.
 */
@Component
class PhoneNumberNames {

  private final AccountDirectory directory;
  private final Map<PhoneNumberId, String> names = new ConcurrentHashMap<>();

  PhoneNumberNames(AccountDirectory directory) {
    this.directory = directory;
  }

  String displayNumber(AccountId account, PhoneNumberId id) {
    String cached = names.get(id);
    if (cached != null) {
      return cached;
    }
    String name = directory.phoneNumber(account, id).displayPhoneNumber();
    names.put(id, name);
    return name;
  }
}
