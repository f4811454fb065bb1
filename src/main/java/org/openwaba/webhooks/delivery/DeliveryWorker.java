package org.openwaba.webhooks.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.Ids;
import org.openwaba.platform.SqlDialect;
import org.openwaba.webhooks.WebhookRegistration;
import org.openwaba.webhooks.config.WebhooksProperties;
import org.openwaba.webhooks.delivery.Lane.Finished;
import org.openwaba.webhooks.delivery.Lane.Queued;
import org.openwaba.webhooks.store.AttemptStore;
import org.openwaba.webhooks.store.EventLog;
import org.openwaba.webhooks.store.EventStore;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.openwaba.webhooks.store.EventStore.Moved;
import org.openwaba.webhooks.store.LogPosition;
import org.openwaba.webhooks.store.OutboxEvents;
import org.openwaba.webhooks.store.RegistrationStore;
import org.openwaba.webhooks.store.RegistrationStore.StoredRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the outbox. One thread takes events registration by registration, a few POSTs' worth per
 * slot at a time, and hands each POST to its own (virtual, on Java 21+) thread. New events are read
 * from the append-only log in its order, without a write: the lane remembers what it holds and
 * keeps each message's events in order, and only its progress through the log is written, every
 * {@link #PROGRESS_EVERY}, so that the store's writes are spent on the events' inserts and little
 * else (an event whose first POST fails moves to the event table, where retries are claimed). Where
 * servers may share the store (PostgreSQL), one server at a time reads a registration's log, under
 * a lease renewed while it lives, and table events are claimed with a lease each; where this server
 * owns the store (SQLite), both are simply read. A registration never has more than {@code
 * concurrency} POSTs in flight, so a slow or dead endpoint holds only its own slots; its backlog
 * stays in the store, claimed a slot's worth at a time. The thread is woken when new events commit
 * and when a POST's result is recorded, and polls for retries that came due. A second thread purges
 * finished events past their retention and refreshes the backlog gauge.
 */
@Component
public class DeliveryWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
  private static final Duration REGISTRATIONS_TTL = Duration.ofSeconds(1);
  private static final Duration CLAIM_PAUSE = Duration.ofMillis(10);
  private static final int MAX_PREFETCH = 1000;
  private static final Duration STRANDED_AFTER = Duration.ofSeconds(30);
  private static final Duration PROGRESS_EVERY = Duration.ofMillis(100);

  private final RegistrationStore registrations;
  private final EventStore events;
  private final EventLog eventLog;
  private final OutboxEvents outbox;
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
  private final Duration logLease;
  private final Semaphore wakeUp = new Semaphore(0);
  private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
  private final SimpleAsyncTaskExecutor posts;
  private volatile List<WebhookRegistration> known = List.of();
  private volatile Instant knownAt = Instant.MIN;
  private ScheduledExecutorService housekeeper;
  private volatile boolean running;
  private volatile boolean claimNow;
  private Thread thread;

  DeliveryWorker(
      RegistrationStore registrations,
      EventStore events,
      EventLog eventLog,
      OutboxEvents outbox,
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
    this.eventLog = eventLog;
    this.outbox = outbox;
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
    this.logLease = properties.lease();
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

  /** Asks the worker to claim retries now, after events were queued again by hand. */
  public void retriesQueued() {
    claimNow = true;
    wakeUp();
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
    // Its own thread: a slow purge or count must not hold up every registration's deliveries.
    housekeeper =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread housekeeping = new Thread(task, "webhook-housekeeping");
              housekeeping.setDaemon(true);
              return housekeeping;
            });
    housekeeper.scheduleWithFixedDelay(
        this::housekeep, 0, properties.housekeepingInterval().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    running = false;
    if (housekeeper != null) {
      housekeeper.shutdownNow();
    }
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
    recordProgress(Instant.MAX);
    releaseLeases();
  }

  private void round() {
    Instant now = clock.instant();
    if (claimNow) {
      claimNow = false;
      lanes.values().forEach(lane -> lane.exhaustedAt = null);
    }
    for (WebhookRegistration registration : registrations(now)) {
      Lane lane = lanes.computeIfAbsent(registration.id(), id -> newLane(id, now));
      lane = leaseLog(registration.id(), lane, now);
      lane.dropExpired(now, properties.requestTimeout());
      lane.takeResults();
      refill(registration, lane, now);
      dispatch(registration, lane);
      if (lane.readsLog) {
        readLog(registration, lane, now);
        dispatchLog(registration, lane, now);
        recordProgress(registration.id(), lane, now);
      }
    }
  }

  /**
   * A new lane for the registration: one that reads its log, if this server owns the store or could
   * take the lease on it; one for table events only otherwise.
   */
  private Lane newLane(long registrationId, Instant now) {
    Instant leaseUntil = claimsInMemory ? Instant.MAX : now.plus(logLease);
    if (!claimsInMemory && !leaseLogFor(registrationId, leaseUntil, now)) {
      Lane lane = Lane.withoutLog();
      lane.logLeaseUntil = now;
      return lane;
    }
    LogPosition through = eventLog.deliveredThrough(registrationId);
    Lane lane = new Lane(through);
    lane.logLeaseUntil = leaseUntil;
    // Every POST after the recorded progress started after its first event was queued; a second
    // of margin covers a clock step.
    eventLog
        .unsettledAfter(registrationId, through)
        .ifPresent(
            unsettled ->
                lane.recover(
                    attempts.eventIdsAttemptedSince(
                        registrationId, unsettled.firstQueuedAt().minusSeconds(1)),
                    unsettled.last()));
    return lane;
  }

  /**
   * Keeps the lease on the registration's log where servers share the store: renews it once a third
   * of it has passed; gives the log up if that fails, since another server may read it once the
   * lease ends; and, for a lane without the log, tries to take the lease now and then, which
   * succeeds once the server holding it stopped or died. Returns the lane to go on with.
   */
  private Lane leaseLog(long registrationId, Lane lane, Instant now) {
    if (claimsInMemory) {
      return lane;
    }
    if (lane.readsLog) {
      Instant renewAt = lane.logLeaseUntil.minus(logLease.multipliedBy(2).dividedBy(3));
      if (now.isBefore(renewAt)) {
        return lane;
      }
      Instant until = now.plus(logLease);
      if (now.isBefore(lane.logLeaseUntil) && leaseLogFor(registrationId, until, now)) {
        lane.logLeaseUntil = until;
        return lane;
      }
      log.warn("webhook_log_lease_lost registration={}", registrationId);
      Lane without = Lane.withoutLog();
      without.logLeaseUntil = now;
      lanes.put(registrationId, without);
      return without;
    }
    if (now.isBefore(lane.logLeaseUntil.plus(logLease.dividedBy(4)))) {
      return lane;
    }
    Lane fresh = newLane(registrationId, now);
    if (fresh.readsLog) {
      lanes.put(registrationId, fresh);
      return fresh;
    }
    lane.logLeaseUntil = now;
    return lane;
  }

  private boolean leaseLogFor(long registrationId, Instant until, Instant now) {
    Boolean held = transactions.execute(tx -> eventLog.lease(registrationId, claimant, until, now));
    return Boolean.TRUE.equals(held);
  }

  private void releaseLeases() {
    if (claimsInMemory) {
      return;
    }
    lanes.forEach(
        (registrationId, lane) -> {
          if (lane.readsLog) {
            try {
              transactions.executeWithoutResult(tx -> eventLog.release(registrationId, claimant));
            } catch (RuntimeException e) {
              log.warn(
                  "webhook_log_lease_not_released registration={} error=\"{}\"",
                  registrationId,
                  e.toString());
            }
          }
        });
  }

  private int capacity(WebhookRegistration registration) {
    return Math.min(MAX_PREFETCH, properties.concurrency() * registration.maxEventsPerPost() * 4);
  }

  /**
   * Claims table events into the lane when it runs low: one claim for up to a few POSTs' worth per
   * slot, so that the claim cost is shared by many events. A lane whose last claim came back short
   * is not asked again for {@link #CLAIM_PAUSE}, because new events arrive every millisecond under
   * load and a claim per arrival would query the store as often (on PostgreSQL, with row locks).
   */
  private void refill(WebhookRegistration registration, Lane lane, Instant now) {
    int wanted = wanted(capacity(registration), lane.queued.size(), lane.exhaustedAt, now);
    if (wanted == 0) {
      return;
    }
    Instant leaseUntil = claimsInMemory ? Instant.MAX : now.plus(properties.lease());
    List<ClaimedEvent> claimed =
        claimsInMemory
            ? events.due(registration.id(), now, wanted, lane.known)
            : transactions.execute(
                tx -> events.claim(registration.id(), now, wanted, claimant, leaseUntil));
    Set<String> keys = new HashSet<>();
    for (ClaimedEvent event : claimed) {
      if (lane.known.add(event.id())) {
        lane.queued.add(new Queued(event, leaseUntil));
        if (lane.readsLog && event.orderKey() != null) {
          keys.add(event.orderKey());
        }
      }
    }
    // A queued log event of the same message must wait behind it, in the table.
    lane.holdQueued(keys);
    // Retries come due seconds apart: an empty table is asked again only at the poll interval,
    // not every few milliseconds while new events keep the worker busy with the log.
    lane.exhaustedAt =
        claimed.isEmpty()
            ? now.plus(properties.pollInterval()).minus(CLAIM_PAUSE)
            : claimed.size() < wanted ? now : null;
  }

  /**
   * How many events to fetch into a lane holding {@code queued} of {@code capacity}: none while it
   * is more than half full, or within {@link #CLAIM_PAUSE} of a fetch that came back short.
   */
  private static int wanted(int capacity, int queued, @Nullable Instant exhaustedAt, Instant now) {
    if (queued > capacity / 2) {
      return 0;
    }
    if (exhaustedAt != null && now.isBefore(exhaustedAt.plus(CLAIM_PAUSE))) {
      return 0;
    }
    return capacity - queued;
  }

  private void dispatch(WebhookRegistration registration, Lane lane) {
    int perPost = registration.maxEventsPerPost();
    while (lane.busy.get() < properties.concurrency() && !lane.queued.isEmpty()) {
      List<ClaimedEvent> batch = new ArrayList<>(Math.min(perPost, lane.queued.size()));
      while (batch.size() < perPost && !lane.queued.isEmpty()) {
        batch.add(lane.queued.poll().event());
      }
      post(registration, batch, lane);
    }
  }

  /**
   * Reads the registration's next log events into the lane, in log order, when it runs low. The
   * read takes no write lock. An event whose message has an event waiting or retried in the table
   * is marked held, so that it moves there behind it.
   */
  private void readLog(WebhookRegistration registration, Lane lane, Instant now) {
    int wanted = wanted(capacity(registration), lane.logQueued.size(), lane.logExhaustedAt, now);
    if (wanted == 0) {
      return;
    }
    List<ClaimedEvent> read = eventLog.after(registration.id(), lane.fetchedThrough, wanted);
    lane.logExhaustedAt = read.size() < wanted ? now : null;
    if (read.isEmpty()) {
      return;
    }
    lane.forgetIdleHolds();
    if (events.anyUndelivered(registration.id())) {
      Set<String> keys = new HashSet<>();
      for (ClaimedEvent event : read) {
        if (event.orderKey() != null) {
          keys.add(event.orderKey());
        }
      }
      lane.held(events.held(registration.id(), keys));
    }
    if (lane.recovering()) {
      lane.taken(events.existing(read.stream().map(ClaimedEvent::id).toList()));
    }
    lane.read(read);
  }

  private void dispatchLog(WebhookRegistration registration, Lane lane, Instant now) {
    int slots = properties.concurrency() - lane.busy.get();
    List<ClaimedEvent> toMove = new ArrayList<>();
    List<List<ClaimedEvent>> batches =
        lane.takeLogBatches(registration.maxEventsPerPost(), Math.max(0, slots), toMove);
    for (List<ClaimedEvent> batch : batches) {
      post(registration, batch, lane);
    }
    if (!toMove.isEmpty()) {
      List<Moved> moved = new ArrayList<>(toMove.size());
      for (ClaimedEvent event : toMove) {
        moved.add(new Moved(event.asNew(), 0, now, null));
      }
      try {
        transactions.executeWithoutResult(tx -> events.moveIn(moved, now));
      } catch (RuntimeException e) {
        // Back in the queue, they are moved at the next round; the progress waits for them.
        lane.requeue(toMove);
        throw e;
      }
      lane.settled(toMove);
    }
  }

  private void post(WebhookRegistration registration, List<ClaimedEvent> batch, Lane lane) {
    lane.busy.incrementAndGet();
    posts.execute(() -> deliver(registration, batch, lane));
  }

  /**
   * Writes how far the lane got through the log: at most every {@link #PROGRESS_EVERY} while it
   * works, at once when it falls idle. A crash loses at most that much progress, whose events are
   * posted again after the restart: at least once.
   */
  private void recordProgress(long registrationId, Lane lane, Instant now) {
    LogPosition through = lane.settledThrough();
    if (!through.isAfter(lane.persistedThrough)) {
      return;
    }
    if (!lane.logIdle() && now.isBefore(lane.persistedAt.plus(PROGRESS_EVERY))) {
      return;
    }
    transactions.executeWithoutResult(tx -> eventLog.advance(registrationId, through, now));
    lane.persistedThrough = through;
    lane.persistedAt = now;
  }

  private void recordProgress(Instant now) {
    Instant at = now.equals(Instant.MAX) ? clock.instant() : now;
    lanes.forEach(
        (registrationId, lane) -> {
          if (!lane.readsLog) {
            return;
          }
          lane.takeResults();
          lane.persistedAt = Instant.MIN;
          try {
            recordProgress(registrationId, lane, at);
          } catch (RuntimeException e) {
            log.warn(
                "webhook_progress_not_recorded registration={} error=\"{}\"",
                registrationId,
                e.toString());
          }
        });
  }

  private void deliver(WebhookRegistration registration, List<ClaimedEvent> batch, Lane lane) {
    boolean recorded = false;
    boolean succeeded = false;
    try {
      Post post = poster.send(ids.numericId(), registration, batch);
      succeeded = post.succeeded();
      deliveryLog.record(post);
      recorded = true;
    } catch (RuntimeException e) {
      // Table events stay claimed and are sent again when the claim ends; log events go back to
      // their lane's queue: at least once.
      log.error(
          "webhook_result_not_recorded registration={} error=\"{}\"",
          registration.id(),
          e.toString());
    } finally {
      lane.finished.add(new Finished(batch, succeeded, recorded));
      lane.busy.decrementAndGet();
      wakeUp();
    }
  }

  private List<WebhookRegistration> registrations(Instant now) {
    if (now.isAfter(knownAt.plus(REGISTRATIONS_TTL))) {
      known = registrations.all().stream().map(StoredRegistration::registration).toList();
      knownAt = now;
      Set<Long> current = new HashSet<>();
      known.forEach(registration -> current.add(registration.id()));
      lanes.keySet().retainAll(current);
    }
    return known;
  }

  /**
   * Purges what is past its retention, releases stranded waiting events and refreshes the backlog
   * gauge; every {@code housekeeping-interval} on its own thread. Each step commits on its own, so
   * that no transaction holds a transaction id while a slow statement runs: on PostgreSQL that
   * would hold back every registration's log reads.
   */
  private void housekeep() {
    try {
      Instant now = clock.instant();
      Instant cutoff = now.minus(properties.retention());
      Instant settled = now.minus(STRANDED_AFTER);
      List<WebhookRegistration> current = known;
      transactions.executeWithoutResult(tx -> outbox.purgeFinishedBefore(cutoff, 10_000));
      transactions.executeWithoutResult(tx -> attempts.purgeBefore(cutoff, 10_000));
      for (WebhookRegistration registration : current) {
        transactions.executeWithoutResult(tx -> events.releaseStranded(registration.id(), settled));
      }
      List<Long> ids = current.stream().map(WebhookRegistration::id).toList();
      Map<Long, Long> backlog = new HashMap<>();
      for (long registration : ids) {
        backlog.put(registration, 0L);
      }
      backlog.putAll(outbox.backlog(ids));
      backlog.keySet().retainAll(ids);
      metrics.backlog(backlog);
    } catch (RuntimeException | Error e) {
      log.error("webhook_housekeeping_failed error=\"{}\"", e.toString(), e);
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
