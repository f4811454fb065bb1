package org.openwaba.accounts.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openwaba.accounts.Account;
import org.openwaba.accounts.AccountId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists business accounts. */
@Repository
public class AccountStore {

  private static final RowMapper<Account> ACCOUNT =
      (rs, row) ->
          new Account(
              new AccountId(rs.getLong("id")),
              rs.getString("name"),
              rs.getInt("messages_per_second"),
              Instant.ofEpochMilli(rs.getLong("created_at")));

  private final JdbcClient jdbc;

  AccountStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Account account, String appSecret) {
    jdbc.sql(
            "INSERT INTO accounts_account (id, name, messages_per_second, app_secret, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            account.id().value(),
            account.name(),
            account.messagesPerSecond(),
            appSecret,
            account.createdAt().toEpochMilli())
        .update();
  }

  public Optional<Account> find(AccountId id) {
    return jdbc.sql(
            "SELECT id, name, messages_per_second, created_at FROM accounts_account WHERE id = ?")
        .param(id.value())
        .query(ACCOUNT)
        .optional();
  }

  public List<Account> list() {
    return jdbc.sql(
            "SELECT id, name, messages_per_second, created_at FROM accounts_account"
                + " ORDER BY created_at, id")
        .query(ACCOUNT)
        .list();
  }

  public boolean isEmpty() {
    return jdbc.sql("SELECT COUNT(*) FROM accounts_account").query(Long.class).single() == 0;
  }

  public void update(AccountId id, String name, int messagesPerSecond) {
    jdbc.sql("UPDATE accounts_account SET name = ?, messages_per_second = ? WHERE id = ?")
        .params(name, messagesPerSecond, id.value())
        .update();
  }

  public Optional<String> appSecret(AccountId id) {
    return jdbc.sql("SELECT app_secret FROM accounts_account WHERE id = ?")
        .param(id.value())
        .query(String.class)
        .optional();
  }
}
