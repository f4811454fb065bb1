package org.openwaba.platform.sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Copies SQLite's write-ahead log into the database file from a background thread, every {@link
 * #INTERVAL}. A passive checkpoint neither waits for nor blocks readers and writers, so commits no
 * longer pay for the copying while holding the write lock. Under continuous writes such a pass
 * never catches up with the end of the log, and the log never starts over, so every {@link
 * #LOCKED_EVERY} passes the thread repeats the passive checkpoint while it holds the in-process
 * write lock: no commit can then add frames, the pass backfills the whole log (it only has the
 * frames of the last moments left to copy), and the next writer starts the log over as soon as no
 * reader still uses it. That locked pass costs the two fsyncs of a checkpoint (about 25 ms here),
 * during which no send commits, so it runs every 10 s: often enough to keep the log to tens of
 * megabytes under full load, rarely enough to stay out of the 99th latency percentile (once a
 * second, it set it). Does nothing on PostgreSQL.
 */
final class SqliteCheckpointer implements SmartLifecycle {

  static final Duration INTERVAL = Duration.ofMillis(200);
  static final int LOCKED_EVERY = 50;

  private static final Logger log = LoggerFactory.getLogger(SqliteCheckpointer.class);

  private final DataSource dataSource;
  private final boolean enabled;
  private final SerializingTransactionManager transactions;
  private volatile boolean running;
  private Thread thread;

  SqliteCheckpointer(
      DataSource dataSource, boolean enabled, SerializingTransactionManager transactions) {
    this.dataSource = dataSource;
    this.enabled = enabled;
    this.transactions = transactions;
  }

  @Override
  public synchronized void start() {
    running = true;
    if (!enabled) {
      return;
    }
    thread = new Thread(this::run, "sqlite-checkpointer");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread current = thread;
    if (current != null) {
      current.interrupt();
      try {
        current.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (enabled) {
      checkpoint("PASSIVE");
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    long passes = 0;
    while (running) {
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      checkpoint("PASSIVE");
      if (++passes % LOCKED_EVERY == 0) {
        transactions.withWriteLock(() -> checkpoint("PASSIVE"));
      }
    }
  }

  private void checkpoint(String mode) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA wal_checkpoint(" + mode + ")");
    } catch (SQLException | RuntimeException e) {
      log.warn("sqlite_checkpoint_failed error=\"{}\"", e.toString());
    }
  }
}
