package org.openwaba.templates.review;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.templates.config.TemplatesProperties;
import org.openwaba.templates.store.ReviewQueueStore;
import org.openwaba.templates.store.ReviewQueueStore.QueuedReview;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the automatic review: every {@code openwaba.templates.review.poll-interval} it reads up to
 * {@code batch-size} due reviews from {@code templates_review}, claims each with a versioned update
 * and a lease (so two servers on one database never decide the same template, and a claim whose
 * server died is taken again after the lease), and decides each in its own transaction. A review
 * that fails is logged as one line, counted in {@code openwaba.templates.review.failures} and tried
 * again after {@link #RETRY_DELAY}; nothing stops the loop. Not started when the engine is off.
 */
@Component
class ReviewWorker implements SmartLifecycle {

  /** How long a review that failed waits before it is tried again. */
  static final Duration RETRY_DELAY = Duration.ofSeconds(10);

  private static final Logger log = LoggerFactory.getLogger(ReviewWorker.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);

  private final ReviewQueueStore queue;
  private final AutomaticReviewer reviewer;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final TemplatesProperties.Review settings;
  private final Counter decided;
  private final Counter failures;
  private final Object sleeper = new Object();
  private volatile boolean running;
  private volatile @Nullable Thread thread;

  ReviewWorker(
      ReviewQueueStore queue,
      AutomaticReviewer reviewer,
      TransactionTemplate transactions,
      Clock clock,
      TemplatesProperties properties,
      MeterRegistry meters) {
    this.queue = queue;
    this.reviewer = reviewer;
    this.transactions = transactions;
    this.clock = clock;
    this.settings = properties.review();
    this.decided = meters.counter("openwaba.templates.review.decided");
    this.failures = meters.counter("openwaba.templates.review.failures");
  }

  @Override
  public synchronized void start() {
    if (running || !settings.enabled()) {
      return;
    }
    running = true;
    Thread worker = new Thread(this::run, "template-review");
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
      Duration pause = settings.pollInterval();
      try {
        if (reviewDue() == settings.batchSize()) {
          pause = Duration.ZERO;
        }
      } catch (RuntimeException | Error e) {
        failures.increment();
        log.error("template_review_poll_failed error=\"{}\"", e, e);
        pause = FAILURE_PAUSE;
      }
      pause(pause);
    }
  }

  /** Claims and decides one batch of due reviews; returns how many were due. */
  int reviewDue() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // Read outside a write transaction: on SQLite an idle poll never takes the write lock.
    if (!queue.anyDue(now)) {
      return 0;
    }
    List<QueuedReview> due = queue.due(now, settings.batchSize());
    for (QueuedReview review : due) {
      Boolean claimed =
          transactions.execute(status -> queue.claim(review, now.plus(settings.lease())));
      if (!Boolean.TRUE.equals(claimed)) {
        continue;
      }
      try {
        transactions.executeWithoutResult(status -> reviewer.review(review));
        decided.increment();
      } catch (RuntimeException failure) {
        failures.increment();
        log.error(
            "template_review_failed template_id={} attempt={} retry_in_ms={} error=\"{}\"",
            review.templateId(),
            review.attempts() + 1,
            RETRY_DELAY.toMillis(),
            failure.toString(),
            failure);
        transactions.executeWithoutResult(
            status -> queue.postpone(review.templateId(), clock.instant().plus(RETRY_DELAY)));
      }
    }
    return due.size();
  }

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
