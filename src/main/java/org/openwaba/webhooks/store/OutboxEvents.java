package org.openwaba.webhooks.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openwaba.webhooks.OutboxEvent;
import org.openwaba.webhooks.store.EventStore.Moved;
import org.openwaba.webhooks.store.EventStore.NewEvent;
import org.springframework.stereotype.Component;

/**
 * A registration's events wherever they are kept: new events in the append-only {@link EventLog},
 * retried ones in {@link EventStore}'s table. The delivery worker and the API's event views go
 * through here, so neither needs to know which.
 */
@Component
public class OutboxEvents {

  private static final Comparator<OutboxEvent> NEWEST_FIRST =
      Comparator.comparing(OutboxEvent::createdAt).thenComparingLong(OutboxEvent::id).reversed();

  private final EventStore events;
  private final EventLog log;

  OutboxEvents(EventStore events, EventLog log) {
    this.events = events;
    this.log = log;
  }

  /** Queues new events; call inside the transaction of the change that caused them. */
  public void append(List<NewEvent> batch) {
    log.append(batch);
  }

  /** The registration's events, newest first, optionally only those in {@code state}. */
  public List<OutboxEvent> list(long registrationId, @Nullable String state, int limit) {
    List<OutboxEvent> found = events.list(registrationId, state, limit);
    if ("failed".equals(state)) {
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
    if (!ids.isEmpty()) {
      List<Moved> moved = new ArrayList<>();
      for (EventLog.Found found : log.find(registrationId, ids)) {
        moved.add(new Moved(found.event(), found.settled() ? 1 : 0, now, null));
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
    for (long registration : registrationIds) {
      backlog.merge(registration, log.pending(registration), Long::sum);
    }
    return backlog;
  }

  /** Deletes events finished before {@code cutoff}, at most about {@code limit} of each kind. */
  public void purgeFinishedBefore(Instant cutoff, int limit) {
    events.purgeFinishedBefore(cutoff, limit);
    log.purgeSettledBefore(cutoff, limit);
  }

  /** Deletes every event of a deleted registration; call inside its transaction. */
  public void deleteRegistration(long registrationId) {
    events.deleteRegistration(registrationId);
    log.deleteRegistration(registrationId);
  }
}
