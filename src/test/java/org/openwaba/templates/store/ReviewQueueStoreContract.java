package org.openwaba.templates.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.platform.Ids;
import org.openwaba.templates.TemplateId;
import org.openwaba.templates.store.ReviewQueueStore.QueuedReview;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The automatic review queue on a real database: due times at their boundary, claims that only one
 * claimer wins, leases that expire, postponing and removal. Run on SQLite and PostgreSQL.
 */
abstract class ReviewQueueStoreContract {

  // Far in the future so that reviews queued by other tests of the shared context never interfere.
  static final Instant DUE = Instant.parse("2300-01-01T00:00:00Z");

  @Autowired ReviewQueueStore queue;
  @Autowired TransactionTemplate transactions;
  @Autowired Ids ids;

  TemplateId queued(Instant due) {
    TemplateId id = new TemplateId(ids.numericId());
    transactions.executeWithoutResult(
        status -> queue.schedule(id, new AccountId(ids.numericId()), due));
    return id;
  }

  QueuedReview read(TemplateId id, Instant now) {
    return queue.due(now, 10_000).stream()
        .filter(review -> review.templateId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  boolean isDue(TemplateId id, Instant now) {
    return queue.due(now, 10_000).stream().anyMatch(review -> review.templateId().equals(id));
  }

  @Test
  void isDueFromItsDueTimeOn() {
    TemplateId id = queued(DUE);

    assertThat(isDue(id, DUE.minusMillis(1))).isFalse();
    assertThat(isDue(id, DUE)).isTrue();
    assertThat(queue.anyDue(DUE)).isTrue();
    assertThat(read(id, DUE).attempts()).isZero();
  }

  @Test
  void onlyOneClaimerWinsAndTheLeaseHidesTheReviewUntilItExpires() {
    TemplateId id = queued(DUE);
    QueuedReview seen = read(id, DUE);
    Instant leaseUntil = DUE.plusSeconds(60);

    Boolean first = transactions.execute(status -> queue.claim(seen, leaseUntil));
    Boolean second = transactions.execute(status -> queue.claim(seen, leaseUntil));

    assertThat(first).isTrue();
    assertThat(second).as("the version moved on").isFalse();
    assertThat(isDue(id, leaseUntil.minusMillis(1))).as("claimed").isFalse();
    assertThat(isDue(id, leaseUntil)).as("the claimer died: taken again").isTrue();
    assertThat(read(id, leaseUntil).attempts()).isEqualTo(1);
  }

  @Test
  void postponesAndRemoves() {
    TemplateId id = queued(DUE);
    QueuedReview seen = read(id, DUE);
    transactions.executeWithoutResult(status -> queue.claim(seen, DUE.plusSeconds(60)));

    transactions.executeWithoutResult(status -> queue.postpone(id, DUE.plusSeconds(10)));
    assertThat(isDue(id, DUE.plusSeconds(10).minusMillis(1))).isFalse();
    assertThat(isDue(id, DUE.plusSeconds(10))).as("released before its lease ran out").isTrue();

    transactions.executeWithoutResult(status -> queue.remove(id));
    assertThat(queue.isQueued(id)).isFalse();
    assertThat(isDue(id, DUE.plusSeconds(3600))).isFalse();
  }
}
