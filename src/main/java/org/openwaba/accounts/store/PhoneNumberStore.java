package org.openwaba.accounts.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumber;
import org.openwaba.accounts.PhoneNumberId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists business phone numbers. */
@Repository
public class PhoneNumberStore {

  private static final String COLUMNS =
      "SELECT id, account_id, display_phone_number, network, created_at FROM accounts_phone_number";
  private static final RowMapper<PhoneNumber> PHONE_NUMBER =
      (rs, row) ->
          new PhoneNumber(
              new PhoneNumberId(rs.getLong("id")),
              new AccountId(rs.getLong("account_id")),
              rs.getString("display_phone_number"),
              rs.getString("network"),
              Instant.ofEpochMilli(rs.getLong("created_at")));

  private final JdbcClient jdbc;

  PhoneNumberStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(PhoneNumber number) {
    jdbc.sql(
            "INSERT INTO accounts_phone_number"
                + " (id, account_id, display_phone_number, network, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            number.id().value(),
            number.accountId().value(),
            number.displayPhoneNumber(),
            number.network(),
            number.createdAt().toEpochMilli())
        .update();
  }

  public List<PhoneNumber> ofAccount(AccountId accountId) {
    return jdbc.sql(COLUMNS + " WHERE account_id = ? ORDER BY created_at, id")
        .param(accountId.value())
        .query(PHONE_NUMBER)
        .list();
  }

  public Optional<PhoneNumber> find(PhoneNumberId id) {
    return jdbc.sql(COLUMNS + " WHERE id = ?").param(id.value()).query(PHONE_NUMBER).optional();
  }

  public Optional<PhoneNumber> findByDisplayNumber(String e164) {
    return jdbc.sql(COLUMNS + " WHERE display_phone_number = ?")
        .param(e164)
        .query(PHONE_NUMBER)
        .optional();
  }
}
