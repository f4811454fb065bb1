package org.openwaba.accounts.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists access tokens by their SHA-256 hash; the token itself is never stored. */
@Repository
public class TokenStore {

  /** A stored token, without its secret. */
  public record StoredToken(
      long id,
      AccountId accountId,
      @Nullable String label,
      Instant createdAt,
      @Nullable Instant expiresAt,
      @Nullable Instant revokedAt) {}

  private static final String COLUMNS =
      "SELECT id, account_id, label, created_at, expires_at, revoked_at FROM accounts_token";

  private final JdbcClient jdbc;

  TokenStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(StoredToken token, String tokenHash) {
    jdbc.sql(
            "INSERT INTO accounts_token"
                + " (id, account_id, token_hash, label, created_at, expires_at, revoked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, NULL)")
        .params(
            token.id(),
            token.accountId().value(),
            tokenHash,
            token.label(),
            token.createdAt().toEpochMilli(),
            token.expiresAt() == null ? null : token.expiresAt().toEpochMilli())
        .update();
  }

  public Optional<StoredToken> findByHash(String tokenHash) {
    return jdbc.sql(COLUMNS + " WHERE token_hash = ?")
        .param(tokenHash)
        .query(TokenStore::map)
        .optional();
  }

  public List<StoredToken> ofAccount(AccountId accountId) {
    return jdbc.sql(COLUMNS + " WHERE account_id = ? ORDER BY created_at, id")
        .param(accountId.value())
        .query(TokenStore::map)
        .list();
  }

  /** Marks the token revoked; returns false if the account has no such token. */
  public boolean revoke(AccountId accountId, long tokenId, Instant at) {
    return jdbc.sql(
                "UPDATE accounts_token SET revoked_at = COALESCE(revoked_at, ?)"
                    + " WHERE id = ? AND account_id = ?")
            .params(at.toEpochMilli(), tokenId, accountId.value())
            .update()
        == 1;
  }

  private static StoredToken map(ResultSet rs, int row) throws SQLException {
    return new StoredToken(
        rs.getLong("id"),
        new AccountId(rs.getLong("account_id")),
        rs.getString("label"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        instant(rs, "expires_at"),
        instant(rs, "revoked_at"));
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
