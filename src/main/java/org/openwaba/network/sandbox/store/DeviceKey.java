package org.openwaba.network.sandbox.store;

import java.util.Comparator;
import java.util.Objects;
import org.openwaba.accounts.AccountId;

/**
 * Names one virtual device: devices are scoped per business account.
 *
 * @param number the device's number, in E.164
 */
public record DeviceKey(AccountId accountId, String number) {

  /**
   * The order in which a transaction touches several devices. Every server uses the same one, so
   * two transactions on one PostgreSQL that lock overlapping devices cannot deadlock.
   */
  public static final Comparator<DeviceKey> LOCK_ORDER =
      Comparator.comparingLong((DeviceKey key) -> key.accountId().value())
          .thenComparing(DeviceKey::number);

  public DeviceKey {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(number, "number");
  }
}
