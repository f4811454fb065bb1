package org.openwaba.webhooks.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.Ids;
import org.openwaba.platform.SqlDialect;
import org.openwaba.webhooks.WebhookRegistration;
import org.openwaba.webhooks.config.WebhooksProperties;
import org.openwaba.webhooks.store.AttemptStore;
import org.openwaba.webhooks.store.EventStore;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.openwaba.webhooks.store.RegistrationStore;
import org.openwaba.webhooks.store.RegistrationStore.StoredRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox. One thread claims due events registration by registration, a few POSTs' worth
 * per slot at a time, and hands each POST to its own (virtual, on Java 21+) thread. Where servers
 * may share the store, a claim leases the events in the store; where this server owns it (SQLite),
 * the claim is a read and the lane remembers what it holds, so that claiming takes none of the
 * store's single write lock, which the sends need. A registration never has more than {@code
 * concurrency} POSTs in flight, so a slow or dead endpoint holds only its own slots; its backlog
 * stays in the store, claimed a slot's worth at a time. The thread is woken when new events commit
 * and when a POST's result is recorded, and polls for retries that came due. Also purges finished
 * events past their retention and refreshes the backlog gauge.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final Duration HOUSEKEEPING = Duration.ofSeconds(10);
  private static final Duration REGISTRATIONS_TTL = Duration.ofSeconds(1);
  private static final Duration CLAIM_PAUSE = Duration.ofMillis(10);
  private static final int MAX_PREFETCH = 1000;
  private static final Duration STRANDED_AFTER = Duration.ofSeconds(30);

  private final RegistrationStore registrations;
  private final EventStore events;
  private final AttemptStore attempts;
  private final Poster poster;
  private final DeliveryLog deliveryLog;
  private final DeliveryMetrics metrics;
  private final WebhooksProperties properties;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Ids ids;
  private final String claimant;
  private final boolean claimsInMemory;
  private final Semaphore wakeUp = new Semaphore(0);
  private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
  private final SimpleAsyncTaskExecutor posts;
  private volatile List<WebhookRegistration> known = List.of();
  private volatile Instant knownAt = Instant.MIN;
  private Instant housekeptAt = Instant.MIN;
  private volatile boolean running;
  private Thread thread;

  DeliveryWorker(
      RegistrationStore registrations,
      EventStore events,
      AttemptStore attempts,
      Poster poster,
      DeliveryLog deliveryLog,
      DeliveryMetrics metrics,
      WebhooksProperties properties,
      TransactionTemplate transactions,
      Clock clock,
      Ids ids,
      SqlDialect dialect) {
    this.registrations = registrations;
    this.events = events;
    this.attempts = attempts;
    this.poster = poster;
    this.deliveryLog = deliveryLog;
    this.metrics = metrics;
    this.properties = properties;
    this.transactions = transactions;
    this.clock = clock;
    this.ids = ids;
    this.claimant = ids.opaqueId();
    this.claimsInMemory = !dialect.sharedByServers();
    this.posts = new SimpleAsyncTaskExecutor("webhook-post-");
    this.posts.setVirtualThreads(Runtime.version().feature() >= 21);
    this.posts.setDaemon(true);
  }

  /** Asks the worker to look at the outbox now; cheap and safe to call from any thread. */
  public void wakeUp() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  /** Makes the worker read the registrations again, after one was added, changed or removed. */
  public void registrationsChanged() {
    knownAt = Instant.MIN;
    wakeUp();
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::run, "webhook-delivery");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    wakeUp.release();
    Thread current = thread;
    if (current != null) {
      try {
        current.join(properties.requestTimeout().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try {
        wakeUp.drainPermits();
        round();
        housekeep();
        if (wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
          // Let what is arriving at the same moment join the next claim.
          Thread.sleep(1);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        log.error("webhook_round_failed error=\"{}\"", e.toString(), e);
        sleepQuietly(properties.pollInterval());
      }
    }
  }

  private void round() {
    Instant now = clock.instant();
    for (WebhookRegistration registration : registrations(now)) {
      Lane lane = lanes.computeIfAbsent(registration.id(), id -> new Lane());
      lane.dropExpired(now, properties.requestTimeout());
      refill(registration, lane, now);
      dispatch(registration, lane);
    }
  }

  /**
   * Claims events into the lane when it runs low: one claim for up to a few POSTs' worth per slot,
   * so that the claim cost is shared by many events. A lane whose last claim came back short is not
   * asked again for {@link #CLAIM_PAUSE}, because new events arrive every millisecond under load
   * and a claim per arrival would query the store as often (on PostgreSQL, with row locks).
   */
  private void refill(WebhookRegistration registration, Lane lane, Instant now) {
    lane.forgetFinished();
    int capacity =
        Math.min(MAX_PREFETCH, properties.concurrency() * registration.maxEventsPerPost() * 4);
    if (lane.queued.size() > capacity / 2) {
      return;
    }
    if (lane.exhaustedAt != null && now.isBefore(lane.exhaustedAt.plus(CLAIM_PAUSE))) {
      return;
    }
    int wanted = capacity - lane.queued.size();
    Instant leaseUntil = claimsInMemory ? Instant.MAX : now.plus(properties.lease());
    List<ClaimedEvent> claimed =
        claimsInMemory
            ? events.due(registration.id(), now, wanted, lane.known)
            : transactions.execute(
                tx -> events.claim(registration.id(), now, wanted, claimant, leaseUntil));
    for (ClaimedEvent event : claimed) {
      if (lane.known.add(event.id())) {
        lane.queued.add(new Queued(event, leaseUntil));
      }
    }
    lane.exhaustedAt = claimed.size() < wanted ? now : null;
  }

  private void dispatch(WebhookRegistration registration, Lane lane) {
    int perPost = registration.maxEventsPerPost();
    while (lane.busy.get() < properties.concurrency() && !lane.queued.isEmpty()) {
      List<ClaimedEvent> batch = new ArrayList<>(Math.min(perPost, lane.queued.size()));
      while (batch.size() < perPost && !lane.queued.isEmpty()) {
        batch.add(lane.queued.poll().event());
      }
      lane.busy.incrementAndGet();
      posts.execute(() -> deliver(registration, batch, lane));
    }
  }

  private void deliver(WebhookRegistration registration, List<ClaimedEvent> batch, Lane lane) {
    try {
      deliveryLog.record(poster.send(ids.numericId(), registration, batch));
    } catch (RuntimeException e) {
      // The events stay leased and are sent again when the lease expires: at least once.
      log.error(
          "webhook_result_not_recorded registration={} error=\"{}\"",
          registration.id(),
          e.toString());
    } finally {
      for (ClaimedEvent event : batch) {
        lane.finished.add(event.id());
      }
      lane.busy.decrementAndGet();
      wakeUp();
    }
  }

  /** A claimed event waiting for a POST slot, with the end of its claim. */
  private record Queued(ClaimedEvent event, Instant leaseUntil) {}

  /**
   * One registration's events in this process: claimed and waiting for a slot, or being posted.
   * Touched by the worker thread, except {@code busy}, {@code finished} and {@code exhaustedAt},
   * which POST threads update when they finish.
   *
   * <p>{@code known} holds every event claimed and not yet finished. A finished event leaves it
   * only when the worker thread next claims, through {@code finished}: its result committed before
   * it was queued there, so every later read of the store sees it done, while a read that started
   * before that commit may still see it due and must not take it again.
   */
  private static final class Lane {
    final Queue<Queued> queued = new ArrayDeque<>();
    final Set<Long> known = ConcurrentHashMap.newKeySet();
    final Queue<Long> finished = new ConcurrentLinkedQueue<>();
    final AtomicInteger busy = new AtomicInteger();
    volatile @Nullable Instant exhaustedAt;

    /** Forgets the events whose results were recorded since the last claim. */
    void forgetFinished() {
      Long id;
      while ((id = finished.poll()) != null) {
        known.remove(id);
      }
    }

    /**
     * Forgets queued events whose claim would end before a POST could finish; the store hands them
     * out again once the claim expired.
     */
    void dropExpired(Instant now, Duration requestTimeout) {
      Instant latestStart = now.plus(requestTimeout);
      queued.removeIf(
          q -> {
            boolean expired = !q.leaseUntil().isAfter(latestStart);
            if (expired) {
              known.remove(q.event().id());
            }
            return expired;
          });
    }
  }

  private List<WebhookRegistration> registrations(Instant now) {
    if (now.isAfter(knownAt.plus(REGISTRATIONS_TTL))) {
      known = registrations.all().stream().map(StoredRegistration::registration).toList();
      knownAt = now;
    }
    return known;
  }

  private void housekeep() {
    Instant now = clock.instant();
    if (now.isBefore(housekeptAt.plus(HOUSEKEEPING))) {
      return;
    }
    housekeptAt = now;
    Instant cutoff = now.minus(properties.retention());
    Instant settled = now.minus(STRANDED_AFTER);
    transactions.executeWithoutResult(
        tx -> {
          events.purgeFinishedBefore(cutoff, 10_000);
          attempts.purgeBefore(cutoff, 10_000);
          for (WebhookRegistration registration : known) {
            events.releaseStranded(registration.id(), settled);
          }
        });
    Map<Long, Long> backlog = new HashMap<>();
    for (WebhookRegistration registration : known) {
      backlog.put(registration.id(), 0L);
    }
    backlog.putAll(events.backlog());
    List<Long> current = known.stream().map(WebhookRegistration::id).toList();
    backlog.keySet().retainAll(current);
    lanes.keySet().retainAll(current);
    metrics.backlog(backlog);
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
