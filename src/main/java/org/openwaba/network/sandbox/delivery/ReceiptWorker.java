package org.openwaba.network.sandbox.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.network.sandbox.config.SandboxProperties;
import org.openwaba.network.sandbox.store.Receipt;
import org.openwaba.network.sandbox.store.ReceiptStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies receipts when they come due, on one platform thread started and stopped with the
 * application context. Every {@code openwaba.sandbox.poll-interval} it claims up to {@code
 * batch-size} due receipts and applies them in one transaction, with a fixed number of batched
 * statements and one report event; a full batch is followed at once by the next. Receipts are
 * claimed by locking their rows in the applying transaction ({@link ReceiptStore}), so two servers
 * sharing one PostgreSQL never apply the same receipt twice.
 *
 * <p>If a batch fails, its receipts are applied one per transaction so that one bad receipt cannot
 * hold the others back; a receipt that fails alone is retried after {@link #RETRY_DELAY}. No
 * failure stops the loop: each is logged as one line and counted in {@code
 * openwaba.sandbox.receipt.failures}.
 */
@Component
class ReceiptWorker implements SmartLifecycle {

  /** How long a receipt that failed on its own waits before it is tried again. */
  static final Duration RETRY_DELAY = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(ReceiptWorker.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  /** How long the loop rests after a failure, so that an unreachable store is not hammered. */
  private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

  private final ReceiptStore receipts;
  private final ReceiptReporter reporter;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final SandboxProperties properties;
  private final Counter claimedReceipts;
  private final Counter failures;
  private final Object sleeper = new Object();
  private volatile boolean running;
  private volatile @Nullable Thread thread;

  ReceiptWorker(
      ReceiptStore receipts,
      ReceiptReporter reporter,
      TransactionTemplate transactions,
      Clock clock,
      SandboxProperties properties,
      MeterRegistry meters) {
    this.receipts = receipts;
    this.reporter = reporter;
    this.transactions = transactions;
    this.clock = clock;
    this.properties = properties;
    this.claimedReceipts = meters.counter("openwaba.sandbox.receipt.claimed");
    this.failures = meters.counter("openwaba.sandbox.receipt.failures");
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    Thread worker = new Thread(this::run, "sandbox-receipts");
    worker.setDaemon(true);
    thread = worker;
    worker.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    Thread worker = thread;
    if (worker == null) {
      return;
    }
    // Woken rather than interrupted: an interrupt could break a JDBC call in flight.
    synchronized (sleeper) {
      sleeper.notifyAll();
    }
    try {
      worker.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      Duration pause = properties.pollInterval();
      try {
        if (applyDue() == properties.batchSize()) {
          pause = Duration.ZERO;
        }
      } catch (RuntimeException | Error e) {
        failures.increment();
        log.error("sandbox_receipts_failed error=\"{}\"", e, e);
        pause = FAILURE_PAUSE;
      }
      pause(pause);
    }
  }

  /** Claims and applies one batch of due receipts; returns how many were claimed. */
  int applyDue() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // Checked outside a write transaction: on SQLite an idle poll then never takes the write lock.
    if (!receipts.anyDue(now)) {
      return 0;
    }
    List<Receipt> claimed = new ArrayList<>();
    try {
      transactions.executeWithoutResult(
          status -> {
            List<ReceiptStore.Claimed> due = receipts.claimDue(now, properties.batchSize());
            due.forEach(c -> claimed.add(c.receipt()));
            reporter.apply(due, now);
          });
    } catch (RuntimeException batchFailure) {
      if (claimed.isEmpty()) {
        throw batchFailure;
      }
      log.warn(
          "sandbox_receipt_batch_failed size={} error=\"{}\" retrying=one_by_one",
          claimed.size(),
          batchFailure.toString());
      claimed.forEach(receipt -> applyAlone(receipt, now));
    }
    claimedReceipts.increment(claimed.size());
    return claimed.size();
  }

  private void applyAlone(Receipt receipt, Instant now) {
    try {
      transactions.executeWithoutResult(
          status -> receipts.claim(receipt).ifPresent(due -> reporter.apply(List.of(due), now)));
    } catch (RuntimeException failure) {
      failures.increment();
      log.error(
          "sandbox_receipt_failed message_id={} kind={} retry_in_ms={} error=\"{}\"",
          receipt.messageId(),
          receipt.kind(),
          RETRY_DELAY.toMillis(),
          failure.toString(),
          failure);
      transactions.executeWithoutResult(
          status -> receipts.postpone(receipt, clock.instant().plus(RETRY_DELAY)));
    }
  }

  /** Waits, unless the worker is stopping; {@link #stop()} cuts the wait short. */
  private void pause(Duration pause) {
    if (pause.isZero()) {
      return;
    }
    synchronized (sleeper) {
      if (!running) {
        return;
      }
      try {
        sleeper.wait(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }
}
