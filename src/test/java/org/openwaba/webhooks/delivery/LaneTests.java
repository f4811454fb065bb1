package org.openwaba.webhooks.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.delivery.Lane.Finished;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.openwaba.webhooks.store.LogPosition;

/**
 * The lane's bookkeeping for the append-only log: each message's events in order across POSTs,
 * events of messages retried in the table moved behind them, and progress that never passes an
 * unsettled event. The worker thread's view, driven step by step.
 */
class LaneTests {

  private static ClaimedEvent logEvent(long id, @Nullable String key) {
    return logEvent(0, id, key);
  }

  private static ClaimedEvent logEvent(long tx, long id, @Nullable String key) {
    return new ClaimedEvent(
        id, 9, 1, key, id, WebhookEvent.MESSAGE_STATUS, 0, Instant.EPOCH, "{}", true, tx);
  }

  private static LogPosition at(long id) {
    return new LogPosition(0, id);
  }

  private static List<Long> ids(List<ClaimedEvent> events) {
    return events.stream().map(ClaimedEvent::id).toList();
  }

  private static List<List<Long>> take(
      Lane lane, int perPost, int slots, List<ClaimedEvent> moved) {
    List<List<Long>> batches = new ArrayList<>();
    for (List<ClaimedEvent> batch : lane.takeLogBatches(perPost, slots, moved)) {
      batches.add(ids(batch));
    }
    return batches;
  }

  private static void finish(Lane lane, List<ClaimedEvent> events, boolean succeeded) {
    lane.finished.add(new Finished(events, succeeded, true));
    lane.takeResults();
  }

  @Test
  void aMessagesNextEventWaitsWhileItsFirstIsInFlight() {
    Lane lane = new Lane(at(0));
    ClaimedEvent sent = logEvent(1, "m1");
    ClaimedEvent other = logEvent(2, "m2");
    lane.read(List.of(sent, other));
    List<ClaimedEvent> moved = new ArrayList<>();
    assertThat(take(lane, 1, 16, moved)).containsExactly(List.of(1L), List.of(2L));

    ClaimedEvent delivered = logEvent(3, "m1");
    ClaimedEvent unkeyed = logEvent(4, null);
    lane.read(List.of(delivered, unkeyed));
    assertThat(take(lane, 1, 16, moved))
        .as("m1 is in flight; other messages pass")
        .containsExactly(List.of(4L));

    finish(lane, List.of(sent), true);
    assertThat(take(lane, 1, 16, moved)).containsExactly(List.of(3L));
    assertThat(moved).isEmpty();
  }

  @Test
  void eventsOfOneMessageReadTogetherShareAPostInOrderButNeverTwoPosts() {
    Lane lane = new Lane(at(0));
    lane.read(List.of(logEvent(1, "m"), logEvent(2, "m"), logEvent(3, "m"), logEvent(4, "n")));
    assertThat(take(lane, 2, 16, new ArrayList<>()))
        .as("the third waits for the POST of the first two")
        .containsExactly(List.of(1L, 2L), List.of(4L));
    assertThat(take(lane, 2, 16, new ArrayList<>())).isEmpty();
  }

  @Test
  void takesNoMorePostsThanFreeSlots() {
    Lane lane = new Lane(at(0));
    lane.read(List.of(logEvent(1, "a"), logEvent(2, "b"), logEvent(3, "c")));
    assertThat(take(lane, 1, 2, new ArrayList<>())).containsExactly(List.of(1L), List.of(2L));
    assertThat(take(lane, 1, 0, new ArrayList<>())).isEmpty();
    assertThat(take(lane, 1, 5, new ArrayList<>())).containsExactly(List.of(3L));
  }

  @Test
  void afterAFailedPostTheMessagesLaterEventsMoveToTheTableBehindIt() {
    Lane lane = new Lane(at(0));
    ClaimedEvent sent = logEvent(1, "m");
    lane.read(List.of(sent));
    take(lane, 1, 16, new ArrayList<>());
    lane.read(List.of(logEvent(2, "m"), logEvent(3, "x")));

    finish(lane, List.of(sent), false);
    List<ClaimedEvent> moved = new ArrayList<>();
    assertThat(take(lane, 1, 16, moved)).containsExactly(List.of(3L));
    assertThat(ids(moved)).containsExactly(2L);
  }

  @Test
  void aMessageHeldInTheTableMovesThereWhenRead() {
    Lane lane = new Lane(at(0));
    lane.held(Set.of("retried"));
    lane.read(List.of(logEvent(1, "retried"), logEvent(2, "fresh")));
    List<ClaimedEvent> moved = new ArrayList<>();
    assertThat(take(lane, 1, 16, moved)).containsExactly(List.of(2L));
    assertThat(ids(moved)).containsExactly(1L);

    lane.forgetIdleHolds();
    lane.read(List.of(logEvent(3, "retried")));
    assertThat(take(lane, 1, 16, moved))
        .as("a hold no queued event had is forgotten; the store is asked again on read")
        .containsExactly(List.of(3L));
  }

  @Test
  void progressStopsBeforeTheFirstUnsettledEvent() {
    Lane lane = new Lane(at(10));
    assertThat(lane.settledThrough()).isEqualTo(at(10));
    ClaimedEvent a = logEvent(11, "a");
    ClaimedEvent b = logEvent(12, "b");
    ClaimedEvent c = logEvent(14, "c");
    lane.read(List.of(a, b, c));
    take(lane, 1, 16, new ArrayList<>());

    finish(lane, List.of(b, c), true);
    assertThat(lane.settledThrough()).as("11 is still in flight").isEqualTo(at(10));
    assertThat(lane.logIdle()).isFalse();
    finish(lane, List.of(a), false);
    assertThat(lane.settledThrough()).as("moved to the table counts as settled").isEqualTo(at(14));
    assertThat(lane.logIdle()).isTrue();
  }

  @Test
  void aPostWhoseResultWasNotRecordedGoesAgain() {
    Lane lane = new Lane(at(0));
    ClaimedEvent event = logEvent(1, "m");
    lane.read(List.of(event));
    take(lane, 1, 16, new ArrayList<>());

    lane.finished.add(new Finished(List.of(event), true, false));
    lane.takeResults();
    assertThat(lane.settledThrough()).isEqualTo(LogPosition.START);
    assertThat(take(lane, 1, 16, new ArrayList<>())).containsExactly(List.of(1L));
  }

  @Test
  void afterARestartEventsAlreadyPostedArePassedOver() {
    Lane lane = new Lane(at(10));
    // 11 and 13 are in the delivery log; 12 was found in the event table when read.
    lane.recover(Set.of(11L, 13L), at(14));
    lane.taken(List.of(12L));
    assertThat(lane.recovering()).isTrue();
    lane.read(List.of(logEvent(11, "m"), logEvent(12, "n")));
    assertThat(take(lane, 1, 16, new ArrayList<>())).isEmpty();
    assertThat(lane.settledThrough()).isEqualTo(at(12));

    lane.read(List.of(logEvent(13, "m"), logEvent(14, "m")));
    assertThat(lane.recovering()).isFalse();
    assertThat(take(lane, 1, 16, new ArrayList<>())).containsExactly(List.of(14L));
    assertThat(lane.settledThrough()).isEqualTo(at(13));
  }

  @Test
  void claimedTableEventsHoldOnlyQueuedLogEventsOfTheirMessage() {
    Lane lane = new Lane(at(0));
    lane.holdQueued(List.of("nobody-queued"));
    lane.read(List.of(logEvent(1, "retried"), logEvent(2, "nobody-queued")));
    lane.holdQueued(List.of("retried", "other"));
    List<ClaimedEvent> moved = new ArrayList<>();
    assertThat(take(lane, 1, 16, moved))
        .as("a key held before its event was queued is not kept: the read asks the store")
        .containsExactly(List.of(2L));
    assertThat(ids(moved)).containsExactly(1L);
  }

  @Test
  void theLogIsOrderedByTransactionThenIdAndProgressFollowsThatOrder() {
    Lane lane = new Lane(LogPosition.START);
    ClaimedEvent first = logEvent(5, 20, "a");
    ClaimedEvent second = logEvent(6, 3, "b");
    ClaimedEvent third = logEvent(7, 1, "c");
    lane.read(List.of(first, second, third));
    assertThat(take(lane, 1, 2, new ArrayList<>()))
        .as("log order, not id order")
        .containsExactly(List.of(20L), List.of(3L));
    assertThat(take(lane, 1, 2, new ArrayList<>())).containsExactly(List.of(1L));

    finish(lane, List.of(first, third), true);
    assertThat(lane.settledThrough()).isEqualTo(new LogPosition(5, 20));
    finish(lane, List.of(second), true);
    assertThat(lane.settledThrough()).isEqualTo(new LogPosition(7, 1));
    assertThat(lane.logIdle()).isTrue();
  }
}
