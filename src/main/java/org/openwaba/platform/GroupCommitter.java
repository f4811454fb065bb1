package org.openwaba.platform;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Combines writes submitted concurrently by many request threads into one transaction each, so that
 * the commit cost (a WAL append on SQLite, a round trip and WAL flush on PostgreSQL) is paid once
 * per batch instead of once per request.
 *
 * <p>{@link #submit} returns only after the item's transaction committed, so a caller may answer
 * its client knowing the write is durable. One writer thread drains the queue: while it commits a
 * batch, the next batch gathers. (A second writer on PostgreSQL was measured slower: concurrent
 * batches wait for each other's locks on the sandbox's device rows.) If a batch fails, each of its
 * items is retried in a transaction of its own so that one bad item cannot fail the others.
 *
 * <p>Waiting callers are not timed individually: a timed wait per request costs a timer per
 * request, which measured 5% of the server's CPU under load. A watchdog thread instead answers
 * every item that has waited longer than the timeout, queued or in a batch that is still being
 * written, with 503. Thread-safe.
 */
public final class GroupCommitter<T> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  private final String name;
  private final int maxBatch;
  private final Duration timeout;
  private final long lingerNanos;
  private final Consumer<List<T>> batchWriter;
  private final TransactionTemplate transactions;
  private final BlockingQueue<Pending<T>> queue;
  private final Timer commitTime;
  private final DistributionSummary batchSizes;
  private final Thread writer;
  private final InFlight<T> inFlight = new InFlight<>();
  private final Thread watchdog;
  private volatile boolean running = true;

  /**
   * @param batchWriter writes a batch; runs inside a read-write transaction on a writer thread
   */
  GroupCommitter(
      String name,
      int maxBatch,
      int queueCapacity,
      Duration timeout,
      Duration linger,
      Consumer<List<T>> batchWriter,
      TransactionTemplate transactions,
      MeterRegistry registry) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive, was " + maxBatch);
    }
    this.name = Objects.requireNonNull(name, "name");
    this.maxBatch = maxBatch;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (linger.isNegative()) {
      throw new IllegalArgumentException("linger must not be negative, was " + linger);
    }
    this.lingerNanos = linger.toNanos();
    this.batchWriter = Objects.requireNonNull(batchWriter, "batchWriter");
    this.transactions = Objects.requireNonNull(transactions, "transactions");
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.commitTime =
        Timer.builder("openwaba.group.commit")
            .description("Time to write and commit one group-commit batch")
            .tag("committer", name)
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    this.batchSizes =
        DistributionSummary.builder("openwaba.group.commit.batch")
            .description("Items per group-commit transaction")
            .tag("committer", name)
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    this.writer = new Thread(this::run, "group-commit-" + name);
    this.writer.setDaemon(true);
    this.watchdog = new Thread(this::watch, "group-commit-" + name + "-watchdog");
    this.watchdog.setDaemon(true);
    writer.start();
    watchdog.start();
  }

  /**
   * Writes {@code item} durably, together with whatever else is waiting, and returns once it is
   * committed.
   *
   * @throws ServiceUnavailableException if the queue is full, the wait times out or the store
   *     refuses the write for a reason unrelated to the item
   * @throws RuntimeException whatever the batch writer threw for this item alone
   */
  public void submit(T item) {
    Pending<T> pending = new Pending<>(Objects.requireNonNull(item, "item"));
    if (!running) {
      throw new ServiceUnavailableException("The server is shutting down");
    }
    if (!queue.offer(pending)) {
      throw new ServiceUnavailableException(
          "Too many writes are waiting (" + name + "); retry shortly");
    }
    try {
      pending.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServiceUnavailableException("Interrupted while waiting for the store");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new ServiceUnavailableException("The store refused the write");
    }
  }

  private void run() {
    List<Pending<T>> batch = inFlight.batch;
    while (running || !queue.isEmpty()) {
      try {
        Pending<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        synchronized (batch) {
          batch.add(first);
        }
        inFlight.startedNanos = System.nanoTime();
        inFlight.active = true;
        lingerForCompany();
        commit(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failAll(batch, new ServiceUnavailableException("The server is shutting down"));
        return;
      } catch (RuntimeException | Error e) {
        log.error("group_commit_failure committer={} batch={}", name, batch.size(), e);
        failAll(batch, new ServiceUnavailableException("The store refused the write"));
      } finally {
        inFlight.active = false;
        synchronized (batch) {
          batch.clear();
        }
      }
    }
  }

  /**
   * Gives writes arriving just after the first one a moment to join its batch. A commit has a fixed
   * cost (on SQLite about half a millisecond of the only write lock, on PostgreSQL a round trip),
   * and evenly spaced requests would otherwise each pay it alone: at 5,000 sends per second,
   * arriving one every 200 µs, the sandbox could not keep up without it (docs/benchmarks.md).
   */
  private void lingerForCompany() throws InterruptedException {
    if (lingerNanos > 0 && queue.size() < maxBatch - 1) {
      TimeUnit.NANOSECONDS.sleep(lingerNanos);
    }
  }

  /**
   * Answers with 503 every item that waited longer than the timeout: queued ones are also taken out
   * of the queue, so they are never written after their caller was told they failed; those in a
   * batch still being written may yet commit, as the 503 says.
   */
  private void watch() {
    long timeoutNanos = timeout.toNanos();
    long period = Math.max(10, Math.min(100, timeout.toMillis() / 10));
    while (running || writer.isAlive()) {
      try {
        Thread.sleep(period);
        long now = System.nanoTime();
        for (Pending<T> pending : queue) {
          if (now - pending.enqueuedNanos > timeoutNanos && queue.remove(pending)) {
            pending.done.completeExceptionally(timedOut());
          }
        }
        if (inFlight.active && now - inFlight.startedNanos > timeoutNanos) {
          inFlight.failAll(timedOut());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("group_commit_watchdog_failure committer={}", name, e);
      }
    }
  }

  private ServiceUnavailableException timedOut() {
    return new ServiceUnavailableException(
        "The store did not confirm the write within " + timeout.toMillis() + " ms");
  }

  /**
   * Writes the batch, first topping it up with everything that arrived meanwhile. The top-up
   * happens inside the transaction, once the store's write lock is held, so that whatever queued up
   * while this writer waited for the lock joins this commit instead of waiting for the next.
   */
  private void commit(List<Pending<T>> batch) {
    long started = System.nanoTime();
    try {
      transactions.executeWithoutResult(
          status -> {
            synchronized (batch) {
              queue.drainTo(batch, maxBatch - batch.size());
            }
            batchWriter.accept(items(batch));
          });
      commitTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      batchSizes.record(batch.size());
      batch.forEach(pending -> pending.done.complete(null));
    } catch (RuntimeException batchFailure) {
      if (batch.size() == 1) {
        batch.get(0).done.completeExceptionally(batchFailure);
        return;
      }
      for (Pending<T> pending : batch) {
        try {
          transactions.executeWithoutResult(status -> batchWriter.accept(List.of(pending.item)));
          pending.done.complete(null);
        } catch (RuntimeException itemFailure) {
          pending.done.completeExceptionally(itemFailure);
        }
      }
    }
  }

  private static <T> List<T> items(List<Pending<T>> batch) {
    List<T> items = new ArrayList<>(batch.size());
    for (Pending<T> pending : batch) {
      items.add(pending.item);
    }
    return items;
  }

  private static <T> void failAll(List<Pending<T>> batch, RuntimeException failure) {
    batch.forEach(pending -> pending.done.completeExceptionally(failure));
  }

  /** Stops taking new items, commits what is queued and stops the writer thread. */
  @Override
  public void close() {
    running = false;
    try {
      writer.join(timeout.toMillis());
      watchdog.interrupt();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static final class Pending<T> {
    final T item;
    final long enqueuedNanos = System.nanoTime();
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Pending(T item) {
      this.item = item;
    }
  }

  /** The writer's current batch, as the watchdog sees it. */
  private static final class InFlight<T> {
    final List<Pending<T>> batch = new ArrayList<>();
    volatile boolean active;
    volatile long startedNanos;

    /** Fails the batch's items; items already answered keep their answer. */
    void failAll(RuntimeException failure) {
      List<Pending<T>> snapshot;
      synchronized (batch) {
        snapshot = List.copyOf(batch);
      }
      snapshot.forEach(pending -> pending.done.completeExceptionally(failure));
    }
  }
}
