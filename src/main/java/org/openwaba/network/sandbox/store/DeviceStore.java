package org.openwaba.network.sandbox.store;

import java.time.Instant;
import java.util.Optional;
import org.openwaba.accounts.AccountId;
import org.openwaba.platform.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists virtual devices, one per account and number. */
@Repository
public class DeviceStore {

  /**
   * Where a new message goes on its device.
   *
   * @param online whether the device is online now
   * @param seq the message's position on the device, from 1
   */
  public record Slot(boolean online, long seq) {}

  private final JdbcClient jdbc;
  private final SqlDialect dialect;

  DeviceStore(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /**
   * Creates the device if it does not exist yet, and numbers a new message on it. On PostgreSQL the
   * device row stays locked until the transaction ends, so a device's messages are numbered in the
   * order their transactions commit.
   *
   * @param onlineIfNew whether a device created now starts online
   */
  public Slot nextSlot(AccountId accountId, String number, boolean onlineIfNew, Instant now) {
    return jdbc.sql(
            "INSERT INTO network_sandbox_device"
                + " (account_id, device_number, online, last_seq, created_at)"
                + " VALUES (?, ?, ?, 1, ?)"
                + " ON CONFLICT (account_id, device_number)"
                + " DO UPDATE SET last_seq = network_sandbox_device.last_seq + 1"
                + " RETURNING online, last_seq")
        .params(accountId.value(), number, onlineIfNew, now.toEpochMilli())
        .query((rs, row) -> new Slot(rs.getBoolean("online"), rs.getLong("last_seq")))
        .single();
  }

  /** Creates the device with these defaults unless it exists. */
  public void createIfAbsent(AccountId accountId, String number, boolean online, Instant now) {
    jdbc.sql(
            "INSERT INTO network_sandbox_device"
                + " (account_id, device_number, online, last_seq, created_at)"
                + " VALUES (?, ?, ?, 0, ?) "
                + dialect.insertIgnoringConflictOn("account_id, device_number"))
        .params(accountId.value(), number, online, now.toEpochMilli())
        .update();
  }

  /** Whether the device is online, or empty if it was never created. */
  public Optional<Boolean> online(AccountId accountId, String number) {
    return jdbc.sql(
            "SELECT online FROM network_sandbox_device WHERE account_id = ? AND device_number = ?")
        .params(accountId.value(), number)
        .query((rs, row) -> rs.getBoolean("online"))
        .optional();
  }

  /** Switches an existing device on or off line; returns whether that changed anything. */
  public boolean setOnline(AccountId accountId, String number, boolean online) {
    return jdbc.sql(
                "UPDATE network_sandbox_device SET online = ?"
                    + " WHERE account_id = ? AND device_number = ? AND online <> ?")
            .params(online, accountId.value(), number, online)
            .update()
        == 1;
  }
}
