package org.openwaba.network.sandbox.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openwaba.accounts.AccountId;
import org.openwaba.platform.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists virtual devices, one per account and number. */
@Repository
public class DeviceStore {

  /**
   * Asks for {@code count} new message positions on a device.
   *
   * @param onlineIfNew whether the device starts online if this creates it
   */
  public record Reservation(DeviceKey device, int count, boolean onlineIfNew) {

    public Reservation {
      if (count < 1) {
        throw new IllegalArgumentException(
            "a reservation needs at least one message, was " + count);
      }
    }
  }

  /**
   * Where a device's new messages go.
   *
   * @param online whether the device is online now
   * @param firstSeq the position of the first reserved message on the device, from 1; the others
   *     follow it without gaps
   */
  public record Slots(boolean online, long firstSeq) {}

  private record Counter(DeviceKey device, boolean online, long lastSeq) {}

  /**
   * Devices numbered by one statement. Keeps the statement under SQLite's limit of 32,766 bound
   * values (5 per device) and PostgreSQL's of 65,535, far above a dispatch batch.
   */
  static final int DEVICES_PER_STATEMENT = 1000;

  private final JdbcClient jdbc;
  private final SqlDialect dialect;

  DeviceStore(JdbcClient jdbc, SqlDialect dialect) {
    this.jdbc = jdbc;
    this.dialect = dialect;
  }

  /**
   * Creates the devices that do not exist yet and reserves consecutive message positions on each,
   * with one statement for up to {@value #DEVICES_PER_STATEMENT} devices. Devices are written in
   * {@link DeviceKey#LOCK_ORDER}; on PostgreSQL their rows stay locked until the transaction ends,
   * so a device's messages are numbered in the order their transactions commit, and two servers
   * never give two messages of one device the same position.
   *
   * @param reservations at most one per device
   * @return the slots of every device asked for
   */
  public Map<DeviceKey, Slots> reserve(List<Reservation> reservations, Instant now) {
    List<Reservation> ordered = new ArrayList<>(reservations);
    ordered.sort(Comparator.comparing(Reservation::device, DeviceKey.LOCK_ORDER));
    for (int i = 1; i < ordered.size(); i++) {
      if (ordered.get(i).device().equals(ordered.get(i - 1).device())) {
        // One statement may not change a row twice (PostgreSQL refuses it), nor should two.
        throw new IllegalArgumentException("device reserved twice: " + ordered.get(i).device());
      }
    }
    Map<DeviceKey, Slots> slots = new HashMap<>();
    for (int from = 0; from < ordered.size(); from += DEVICES_PER_STATEMENT) {
      List<Reservation> chunk =
          ordered.subList(from, Math.min(ordered.size(), from + DEVICES_PER_STATEMENT));
      reserveChunk(chunk, now, slots);
    }
    return slots;
  }

  private void reserveChunk(List<Reservation> chunk, Instant now, Map<DeviceKey, Slots> slots) {
    Map<DeviceKey, Integer> counts = new HashMap<>();
    List<Object> params = new ArrayList<>(chunk.size() * 5);
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO network_sandbox_device"
                + " (account_id, device_number, online, last_seq, created_at) VALUES ");
    for (Reservation reservation : chunk) {
      counts.put(reservation.device(), reservation.count());
      sql.append(counts.size() == 1 ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)");
      params.add(reservation.device().accountId().value());
      params.add(reservation.device().number());
      params.add(reservation.onlineIfNew());
      params.add(reservation.count());
      params.add(now.toEpochMilli());
    }
    // A new row starts at last_seq = count; an existing one is advanced by count. RETURNING gives
    // the counter after this statement either way.
    sql.append(
        " ON CONFLICT (account_id, device_number)"
            + " DO UPDATE SET last_seq = network_sandbox_device.last_seq + excluded.last_seq"
            + " RETURNING account_id, device_number, online, last_seq");
    List<Counter> counters =
        jdbc.sql(sql.toString())
            .params(params)
            .query(
                (rs, row) ->
                    new Counter(
                        new DeviceKey(
                            new AccountId(rs.getLong("account_id")), rs.getString("device_number")),
                        rs.getBoolean("online"),
                        rs.getLong("last_seq")))
            .list();
    for (Counter counter : counters) {
      long firstSeq = counter.lastSeq() - counts.get(counter.device()) + 1;
      slots.put(counter.device(), new Slots(counter.online(), firstSeq));
    }
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
  /** The device's profile name, if one was set. */
  public Optional<String> profileName(AccountId accountId, String number) {
    return jdbc.sql(
            "SELECT profile_name FROM network_sandbox_device"
                + " WHERE account_id = ? AND device_number = ? AND profile_name IS NOT NULL")
        .params(accountId.value(), number)
        .query((rs, row) -> rs.getString(1))
        .optional();
  }

  /** Sets the profile name of a device that exists; returns whether it changed. */
  public boolean setProfileName(AccountId accountId, String number, String profileName) {
    return jdbc.sql(
                "UPDATE network_sandbox_device SET profile_name = ?"
                    + " WHERE account_id = ? AND device_number = ?"
                    + " AND (profile_name IS NULL OR profile_name <> ?)")
            .params(profileName, accountId.value(), number, profileName)
            .update()
        == 1;
  }

  public boolean setOnline(AccountId accountId, String number, boolean online) {
    return jdbc.sql(
                "UPDATE network_sandbox_device SET online = ?"
                    + " WHERE account_id = ? AND device_number = ? AND online <> ?")
            .params(online, accountId.value(), number, online)
            .update()
        == 1;
  }
}
