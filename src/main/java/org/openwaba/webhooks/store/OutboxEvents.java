package org.openwaba.webhooks.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.SqlDialect;
import org.openwaba.webhooks.OutboxEvent;
import org.openwaba.webhooks.store.EventStore.Moved;
import org.openwaba.webhooks.store.EventStore.NewEvent;
import org.springframework.stereotype.Component;

/**
 * A registration's events wherever they are kept: on SQLite, new events in the append-only {@link
 * EventLog} and retried ones in {@link EventStore}'s table; on PostgreSQL, all in the table. The
 * delivery worker and the API's event views go through here, so neither needs to know which.
 */
@Component
public class OutboxEvents {

  private static final Comparator<OutboxEvent> NEWEST_FIRST =
      Comparator.comparing(OutboxEvent::createdAt).thenComparingLong(OutboxEvent::id).reversed();

  private final EventStore events;
  private final EventLog log;
  private final boolean usesLog;

  OutboxEvents(EventStore events, EventLog log, SqlDialect dialect) {
    this.events = events;
    this.log = log;
    this.usesLog = !dialect.sharedByServers();
  }

  /**
   * Whether new events go to the append-only log: only where one server owns the store, because the
   * log's order is its commit order, which several servers' transactions would not keep.
   */
  public boolean usesLog() {
    return usesLog;
  }

  /** Queues new events; call inside the transaction of the change that caused them. */
  public void append(List<NewEvent> batch) {
    if (usesLog) {
      log.append(batch);
    } else {
      events.insertAll(batch);
    }
  }

  /** The registration's events, newest first, optionally only those in {@code state}. */
  public List<OutboxEvent> list(long registrationId, @Nullable String state, int limit) {
    List<OutboxEvent> found = events.list(registrationId, state, limit);
    if (!usesLog || "failed".equals(state)) {
      return found;
    }
    List<OutboxEvent> all = new ArrayList<>(found);
    all.addAll(log.recent(registrationId, state, limit));
    all.sort(NEWEST_FIRST);
    return all.size() <= limit ? all : List.copyOf(all.subList(0, limit));
  }

  /**
   * Queues these events of the registration again, due at once, whatever their state; call inside a
   * transaction. Returns how many were queued.
   */
  public int redeliver(long registrationId, Collection<Long> ids, Instant now) {
    if (usesLog && !ids.isEmpty()) {
      long through = log.deliveredThrough(registrationId);
      List<Moved> moved = new ArrayList<>();
      for (NewEvent event : log.find(registrationId, ids)) {
        moved.add(new Moved(event, event.id() <= through ? 1 : 0, now, null));
      }
      events.moveIn(moved, now);
    }
    return events.redeliver(registrationId, ids, now);
  }

  /** Queues every failed event of the registration again; call inside a transaction. */
  public int redeliverFailed(long registrationId, Instant now) {
    return events.redeliverFailed(registrationId, now);
  }

  /** Undelivered events of these registrations, for the backlog gauge. */
  public Map<Long, Long> backlog(Collection<Long> registrationIds) {
    Map<Long, Long> backlog = events.backlog(registrationIds);
    if (usesLog) {
      for (long registration : registrationIds) {
        backlog.merge(registration, log.pending(registration), Long::sum);
      }
    }
    return backlog;
  }

  /** Deletes events finished before {@code cutoff}, at most about {@code limit} of each kind. */
  public void purgeFinishedBefore(Instant cutoff, int limit) {
    events.purgeFinishedBefore(cutoff, limit);
    if (usesLog) {
      log.purgeSettledBefore(cutoff, limit);
    }
  }

  /** Deletes every event of a deleted registration; call inside its transaction. */
  public void deleteRegistration(long registrationId) {
    events.deleteRegistration(registrationId);
    if (usesLog) {
      log.deleteRegistration(registrationId);
    }
  }
}
