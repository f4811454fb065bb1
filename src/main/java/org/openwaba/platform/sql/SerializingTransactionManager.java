package org.openwaba.platform.sql;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
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

  private final transient Timer lockWait;
  private final transient MeterRegistry registry;
  private final transient ThreadLocal<Long> heldSince = new ThreadLocal<>();

  SerializingTransactionManager(
      DataSource dataSource, boolean serializeWrites, MeterRegistry registry) {
    super(dataSource);
    this.serializeWrites = serializeWrites;
    this.registry = registry;
    this.lockWait =
        Timer.builder("openwaba.db.write.lock.wait")
            .description("Time read-write transactions waited for SQLite's in-process write lock")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  /**
   * Runs {@code work} while no read-write transaction of this JVM runs, or runs it directly when
   * writes are not serialised.
   */
  void withWriteLock(Runnable work) {
    if (!serializeWrites) {
      work.run();
      return;
    }
    writeLock.lock();
    try {
      if (writeLock.getHoldCount() == 1) {
        heldSince.set(System.nanoTime());
      }
      work.run();
    } finally {
      recordHoldTime();
      writeLock.unlock();
    }
  }

  /**
   * How long each writer held the lock, by thread name: the lock is SQLite's throughput limit, so
   * this shows which writer spends it.
   */
  private void recordHoldTime() {
    Long since = heldSince.get();
    if (since == null || writeLock.getHoldCount() != 1) {
      return;
    }
    heldSince.remove();
    String holder = Thread.currentThread().getName();
    Timer.builder("openwaba.db.write.lock.held")
        .description("Time read-write transactions held SQLite's in-process write lock")
        .tag(
            "holder",
            holder.startsWith("group-commit-")
                    || holder.contains("worker")
                    || holder.contains("receipt")
                    || holder.contains("checkpointer")
                ? holder
                : "request")
        .register(registry)
        .record(System.nanoTime() - since, TimeUnit.NANOSECONDS);
  }

  @Override
  protected void doBegin(Object transaction, TransactionDefinition definition) {
    boolean lock = serializeWrites && !definition.isReadOnly();
    if (lock) {
      long started = System.nanoTime();
      writeLock.lock();
      long acquired = System.nanoTime();
      lockWait.record(acquired - started, TimeUnit.NANOSECONDS);
      if (writeLock.getHoldCount() == 1) {
        heldSince.set(acquired);
      }
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
        recordHoldTime();
        writeLock.unlock();
      }
    }
  }
}
