package org.openwaba.webhooks.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openwaba.platform.GroupCommits;
import org.openwaba.platform.GroupCommitter;
import org.openwaba.webhooks.DeliveryAttempt;
import org.openwaba.webhooks.config.WebhooksProperties;
import org.openwaba.webhooks.store.AttemptStore;
import org.openwaba.webhooks.store.EventStore;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Records what came of each POST: delivered events, retries with backoff or, past the maximum age,
 * failure; one delivery log row per POST. Results of concurrent POSTs share a transaction (group
 * commit). Each failed attempt is also logged as one structured line, without the app secret and
 * without the URL's query (which may carry credentials).
 */
@Component
class DeliveryLog implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DeliveryLog.class);

  private final EventStore events;
  private final AttemptStore attempts;
  private final Backoff backoff;
  private final Clock clock;
  private final DeliveryMetrics metrics;
  private final GroupCommitter<Post> committer;

  DeliveryLog(
      EventStore events,
      AttemptStore attempts,
      WebhooksProperties properties,
      Clock clock,
      DeliveryMetrics metrics,
      GroupCommits commits) {
    this.events = events;
    this.attempts = attempts;
    this.backoff = new Backoff(properties);
    this.clock = clock;
    this.metrics = metrics;
    this.committer = commits.create("webhook-results", this::write);
  }

  /** Records the post durably; returns once committed. */
  void record(Post post) {
    metrics.attempted(post);
    if (!post.succeeded()) {
      log.warn(
          "webhook_delivery_failed registration={} endpoint={} status={} latency_ms={}"
              + " events={} error=\"{}\"",
          post.registration().id(),
          withoutQuery(post.registration().url()),
          post.httpStatus(),
          post.latencyMillis(),
          post.eventIds(),
          post.error());
    }
    committer.submit(post);
  }

  private void write(List<Post> posts) {
    Instant now = clock.instant();
    List<Long> delivered = new ArrayList<>();
    List<EventStore.Outcome> failed = new ArrayList<>();
    List<EventStore.Moved> moved = new ArrayList<>();
    List<ClaimedEvent> finished = new ArrayList<>();
    List<DeliveryAttempt> rows = new ArrayList<>(posts.size());
    for (Post post : posts) {
      rows.add(
          new DeliveryAttempt(
              post.attemptId(),
              post.registration().id(),
              post.attemptedAt(),
              post.httpStatus(),
              post.latencyMillis(),
              post.error(),
              post.eventIds(),
              post.succeeded()));
      for (ClaimedEvent event : post.events()) {
        if (post.succeeded()) {
          // An event from the log needs no write: the worker's progress through the log covers it.
          if (!event.fromLog()) {
            delivered.add(event.id());
            finished.add(event);
          }
          continue;
        }
        int tried = event.attempts() + 1;
        Instant next = backoff.next(tried, event.createdAt(), now);
        if (next == null) {
          metrics.gaveUp();
        }
        if (event.fromLog()) {
          moved.add(new EventStore.Moved(event.asNew(), tried, next, post.error()));
        } else {
          if (next == null) {
            finished.add(event);
          }
          failed.add(new EventStore.Outcome(event.id(), tried, next, post.error()));
        }
      }
    }
    if (!delivered.isEmpty()) {
      events.delivered(delivered, now);
    }
    if (!failed.isEmpty()) {
      events.failedAttempts(failed, now);
    }
    if (!moved.isEmpty()) {
      events.moveIn(moved, now);
    }
    events.releaseNext(finished);
    attempts.insertAll(rows);
  }

  static String withoutQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query);
  }

  @Override
  public void destroy() {
    committer.close();
  }
}
