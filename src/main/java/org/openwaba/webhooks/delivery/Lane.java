package org.openwaba.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.openwaba.webhooks.store.LogPosition;

/**
 * One registration's events in this process: claimed and waiting for a POST slot, or being posted.
 * Touched only by the worker thread, except {@link #busy} and {@link #finished}, through which POST
 * threads report.
 *
 * <p>Events come from two places. <b>Table events</b> (retries) are claimed from the event table,
 * and their order is kept there: a message's next event is not claimable before the one before it
 * is finished. {@link #known} holds every table event claimed and not yet finished; a finished one
 * leaves it only at the worker's next claim, through {@link #finished}: its result committed before
 * it was queued there, so every later read of the store sees it done, while a read that started
 * before that commit may still see it due and must not take it again.
 *
 * <p><b>Log events</b> (new ones) are read from the append-only log in its order, and this lane
 * keeps their order: an event whose message has an event in flight waits here, and one whose
 * message has an event being retried in the table moves to the table behind it. The lane's progress
 * through the log is the last position up to which every event read is settled (delivered, or moved
 * to the table, with that result committed). Where servers share the store, a lane reads the log
 * only while its server holds the registration's lease ({@link #readsLog}).
 */
final class Lane {

  /** A POST's events, reported by its thread once the result is committed (or could not be). */
  record Finished(List<ClaimedEvent> events, boolean succeeded, boolean recorded) {}

  /** A claimed table event waiting for a POST slot, with the end of its claim. */
  record Queued(ClaimedEvent event, Instant leaseUntil) {}

  final Queue<Queued> queued = new ArrayDeque<>();
  final Set<Long> known = ConcurrentHashMap.newKeySet();
  final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
  final AtomicInteger busy = new AtomicInteger();
  @Nullable Instant exhaustedAt;

  /** Log events read and not yet handed to a POST, in log order. */
  final TreeMap<LogPosition, ClaimedEvent> logQueued = new TreeMap<>();

  /** Log events read and not yet settled, or settled but behind an unsettled one, in log order. */
  private final ArrayDeque<LogPosition> window = new ArrayDeque<>();

  private final Set<Long> settled = new HashSet<>();

  /** Order keys of log events in flight. */
  private final Set<String> busyKeys = new HashSet<>();

  /** Order keys that have an event waiting or being retried in the table. */
  private final Set<String> heldKeys = new HashSet<>();

  /** After a restart: ids past the recorded progress that POSTs already took; not sent again. */
  private final Set<Long> taken = new HashSet<>();

  private LogPosition recoveringThrough;
  private LogPosition lastSettled;
  LogPosition fetchedThrough;
  LogPosition persistedThrough;
  Instant persistedAt = Instant.MIN;
  @Nullable Instant logExhaustedAt;

  /** Whether this lane reads the log: always where one server owns the store. */
  final boolean readsLog;

  /** Until when this server holds the lease on the log, where servers share the store. */
  Instant logLeaseUntil = Instant.MAX;

  /** A lane that reads the log on from {@code deliveredThrough}. */
  Lane(LogPosition deliveredThrough) {
    this.readsLog = true;
    this.recoveringThrough = deliveredThrough;
    this.lastSettled = deliveredThrough;
    this.fetchedThrough = deliveredThrough;
    this.persistedThrough = deliveredThrough;
  }

  /** A lane for table events only: another server reads the registration's log. */
  static Lane withoutLog() {
    return new Lane();
  }

  private Lane() {
    this.readsLog = false;
    this.recoveringThrough = LogPosition.START;
    this.lastSettled = LogPosition.START;
    this.fetchedThrough = LogPosition.START;
    this.persistedThrough = LogPosition.START;
  }

  /**
   * Starts a lane after a restart: of the events up to {@code last}, those in {@code taken} were
   * already posted (their results, delivered or moved to the table, committed with the delivery
   * log) and are passed over, so that no message's events go out again behind its later ones.
   */
  void recover(Set<Long> taken, LogPosition last) {
    this.taken.addAll(taken);
    this.recoveringThrough = last;
  }

  /** Whether events read now may have been posted before a restart. */
  boolean recovering() {
    return recoveringThrough.isAfter(fetchedThrough);
  }

  /** Marks events read during recovery as taken: they are in the table already. */
  void taken(Collection<Long> ids) {
    taken.addAll(ids);
  }

  /** Events read from the log, in its order, after {@link #fetchedThrough}. */
  void read(List<ClaimedEvent> events) {
    List<ClaimedEvent> passed = new ArrayList<>();
    for (ClaimedEvent event : events) {
      LogPosition position = event.position();
      window.addLast(position);
      fetchedThrough = position;
      if (taken.remove(event.id())) {
        passed.add(event);
      } else {
        logQueued.put(position, event);
      }
    }
    if (!recovering()) {
      taken.clear();
    }
    settled(passed);
  }

  /** Marks order keys as held by an event waiting or retried in the table. */
  void held(Collection<String> keys) {
    heldKeys.addAll(keys);
  }

  /** Takes in what POST threads reported since the last call. */
  void takeResults() {
    Finished done;
    while ((done = finished.poll()) != null) {
      for (ClaimedEvent event : done.events()) {
        if (!event.fromLog()) {
          known.remove(event.id());
          continue;
        }
        String key = event.orderKey();
        if (key != null) {
          busyKeys.remove(key);
        }
        if (!done.recorded()) {
          requeue(List.of(event));
        } else {
          settled(List.of(event));
          if (!done.succeeded() && key != null) {
            heldKeys.add(key);
          }
        }
      }
    }
  }

  /** Puts log events taken from the queue back, after what was to be done with them failed. */
  void requeue(Collection<ClaimedEvent> events) {
    for (ClaimedEvent event : events) {
      logQueued.put(event.position(), event);
    }
  }

  /** Log events whose result (delivery or move to the table) has committed. */
  void settled(Collection<ClaimedEvent> events) {
    for (ClaimedEvent event : events) {
      settled.add(event.id());
    }
    LogPosition first;
    while ((first = window.peekFirst()) != null && settled.remove(first.id())) {
      lastSettled = window.pollFirst();
    }
  }

  /** The last log position up to which every event read is settled. */
  LogPosition settledThrough() {
    return window.isEmpty() ? fetchedThrough : lastSettled;
  }

  /**
   * Marks those of {@code keys} that a queued log event has as held: the keys of table events just
   * claimed. Keys no queued event has are left out, so that a long backlog of retries in the table
   * does not pile up here; a log event read later is looked up in the store instead.
   */
  void holdQueued(Collection<String> keys) {
    if (keys.isEmpty() || logQueued.isEmpty()) {
      return;
    }
    Set<String> queuedKeys = queuedKeys();
    for (String key : keys) {
      if (queuedKeys.contains(key)) {
        heldKeys.add(key);
      }
    }
  }

  /** Forgets held keys that no queued log event has any more; they are looked up again on read. */
  void forgetIdleHolds() {
    if (!heldKeys.isEmpty()) {
      heldKeys.retainAll(queuedKeys());
    }
  }

  private Set<String> queuedKeys() {
    Set<String> queuedKeys = new HashSet<>();
    for (ClaimedEvent event : logQueued.values()) {
      if (event.orderKey() != null) {
        queuedKeys.add(event.orderKey());
      }
    }
    return queuedKeys;
  }

  /**
   * Takes queued log events for POSTs of up to {@code perPost} events each, in log order, while
   * {@code slots} allow; a message's events go out in order, in one POST or one after another. The
   * events of messages held in the table go to {@code toMove} instead.
   */
  List<List<ClaimedEvent>> takeLogBatches(int perPost, int slots, List<ClaimedEvent> toMove) {
    List<List<ClaimedEvent>> batches = new ArrayList<>();
    List<ClaimedEvent> batch = new ArrayList<>();
    Set<String> batchKeys = new HashSet<>();
    Iterator<ClaimedEvent> it = logQueued.values().iterator();
    while (it.hasNext() && batches.size() < slots) {
      ClaimedEvent event = it.next();
      String key = event.orderKey();
      if (key != null && heldKeys.contains(key)) {
        toMove.add(event);
        it.remove();
        continue;
      }
      if (key != null && busyKeys.contains(key) && !batchKeys.contains(key)) {
        continue;
      }
      it.remove();
      batch.add(event);
      if (key != null && busyKeys.add(key)) {
        batchKeys.add(key);
      }
      if (batch.size() == perPost) {
        batches.add(batch);
        batch = new ArrayList<>();
        batchKeys = new HashSet<>();
      }
    }
    if (!batch.isEmpty() && batches.size() < slots) {
      batches.add(batch);
    }
    return batches;
  }

  /** Whether nothing of the log is queued or in flight here. */
  boolean logIdle() {
    return logQueued.isEmpty() && window.isEmpty();
  }

  /**
   * Forgets queued table events whose claim would end before a POST could finish; the store hands
   * them out again once the claim expired.
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
