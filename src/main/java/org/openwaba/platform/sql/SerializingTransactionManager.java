package org.openwaba.platform.sql;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * A JDBC transaction manager that, for SQLite, lets one read-write transaction run at a time in
 * this JVM. SQLite has a single writer; without the lock, contending writers spin in SQLite's busy
 * handler, which sleeps for milliseconds at a time and wrecks tail latency. Read-only transactions
 * never take the lock, so WAL readers keep running beside the writer.
 */
final class SerializingTransactionManager extends JdbcTransactionManager {

  private final boolean serializeWrites;
  private final transient ReentrantLock writeLock = new ReentrantLock();
  private final transient ThreadLocal<ArrayDeque<Boolean>> locked =
      ThreadLocal.withInitial(ArrayDeque::new);

  SerializingTransactionManager(DataSource dataSource, boolean serializeWrites) {
    super(dataSource);
    this.serializeWrites = serializeWrites;
  }

  @Override
  protected void doBegin(Object transaction, TransactionDefinition definition) {
    boolean lock = serializeWrites && !definition.isReadOnly();
    if (lock) {
      writeLock.lock();
    }
    try {
      super.doBegin(transaction, definition);
    } catch (RuntimeException | Error e) {
      if (lock) {
        writeLock.unlock();
      }
      throw e;
    }
    locked.get().push(lock);
  }

  @Override
  protected void doCleanupAfterCompletion(Object transaction) {
    try {
      super.doCleanupAfterCompletion(transaction);
    } finally {
      Boolean lock = locked.get().poll();
      if (Boolean.TRUE.equals(lock)) {
        writeLock.unlock();
      }
    }
  }
}
