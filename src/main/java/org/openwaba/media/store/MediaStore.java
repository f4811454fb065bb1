package org.openwaba.media.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openwaba.accounts.AccountId;
import org.openwaba.media.Media;
import org.openwaba.media.MediaId;
import org.openwaba.media.MediaKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persists media metadata in {@code media_object}; reads are scoped to one account. */
@Repository
public class MediaStore {

  private static final String COLUMNS =
      "SELECT id, account_id, kind, mime_type, sha256, file_size, filename, width, height,"
          + " duration_ms, animated, created_at, expires_at FROM media_object";

  private final JdbcClient jdbc;

  MediaStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Media media) {
    Duration duration = media.duration();
    jdbc.sql(
            "INSERT INTO media_object (id, account_id, kind, mime_type, sha256, file_size,"
                + " filename, width, height, duration_ms, animated, created_at, expires_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            media.id().value(),
            media.accountId().value(),
            media.kind().apiName(),
            media.mimeType(),
            media.sha256(),
            media.fileSize(),
            media.filename(),
            media.width(),
            media.height(),
            duration == null ? null : duration.toMillis(),
            media.animated(),
            media.createdAt().toEpochMilli(),
            media.expiresAt().toEpochMilli())
        .update();
  }

  /** The account's media with this id, expired or not. */
  public Optional<Media> find(AccountId accountId, MediaId id) {
    return jdbc.sql(COLUMNS + " WHERE id = ? AND account_id = ?")
        .params(id.value(), accountId.value())
        .query(MediaStore::map)
        .optional();
  }

  /** Deletes the account's media with this id; returns it if there was one. */
  public Optional<Media> delete(AccountId accountId, MediaId id) {
    Optional<Media> found = find(accountId, id);
    found.ifPresent(
        media ->
            jdbc.sql("DELETE FROM media_object WHERE id = ? AND account_id = ?")
                .params(id.value(), accountId.value())
                .update());
    return found;
  }

  /** Up to {@code limit} media that expired before {@code now}, of any account, oldest first. */
  public List<Media> expired(Instant now, int limit) {
    return jdbc.sql(COLUMNS + " WHERE expires_at <= ? ORDER BY expires_at LIMIT ?")
        .params(now.toEpochMilli(), limit)
        .query(MediaStore::map)
        .list();
  }

  /** Deletes the row of this media if it is still there; returns whether it was. */
  public boolean deleteRow(MediaId id) {
    return jdbc.sql("DELETE FROM media_object WHERE id = ?").param(id.value()).update() == 1;
  }

  /** Whether any media, of any account, still refers to this content. */
  public boolean referenced(String sha256) {
    return jdbc.sql("SELECT COUNT(*) FROM media_object WHERE sha256 = ?")
            .param(sha256)
            .query(Long.class)
            .single()
        > 0;
  }

  private static Media map(ResultSet rs, int row) throws SQLException {
    int width = rs.getInt("width");
    boolean noWidth = rs.wasNull();
    int height = rs.getInt("height");
    boolean noHeight = rs.wasNull();
    long durationMs = rs.getLong("duration_ms");
    boolean noDuration = rs.wasNull();
    return new Media(
        new MediaId(rs.getLong("id")),
        new AccountId(rs.getLong("account_id")),
        MediaKind.fromApiName(rs.getString("kind")).orElseThrow(),
        rs.getString("mime_type"),
        rs.getString("sha256"),
        rs.getLong("file_size"),
        rs.getString("filename"),
        noWidth ? null : width,
        noHeight ? null : height,
        noDuration ? null : Duration.ofMillis(durationMs),
        rs.getBoolean("animated"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("expires_at")));
  }
}
