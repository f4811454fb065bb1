package org.openwaba.templates.review;

import java.util.Optional;
import org.openwaba.templates.ReviewDecision;
import org.openwaba.templates.Template;
import org.openwaba.templates.TemplateReview;
import org.openwaba.templates.TemplateStatus;
import org.openwaba.templates.config.TemplatesProperties;
import org.openwaba.templates.store.ReviewQueueStore;
import org.openwaba.templates.store.ReviewQueueStore.QueuedReview;
import org.openwaba.templates.store.TemplateStore;
import org.springframework.stereotype.Component;

/**
 * Decides one claimed review, inside the caller's transaction: a template that is gone or no longer
 * {@code PENDING} (an operator decided first) only leaves the queue; otherwise {@link ReviewRules}
 * decide, and the decision goes through {@link TemplateReview} like an operator's, so it publishes
 * {@code TemplateStatusChanged} and removes the queue row in the same transaction.
 */
@Component
class AutomaticReviewer {

  private final TemplateStore templates;
  private final ReviewQueueStore queue;
  private final TemplateReview review;
  private final TemplatesProperties properties;

  AutomaticReviewer(
      TemplateStore templates,
      ReviewQueueStore queue,
      TemplateReview review,
      TemplatesProperties properties) {
    this.templates = templates;
    this.queue = queue;
    this.review = review;
    this.properties = properties;
  }

  /** Must run in a transaction. */
  void review(QueuedReview queued) {
    Optional<Template> template = templates.find(queued.accountId(), queued.templateId());
    if (template.isEmpty() || template.get().status() != TemplateStatus.PENDING) {
      queue.remove(queued.templateId());
      return;
    }
    // A long configured deny word could make the reason longer than a review may give.
    Optional<String> rejection =
        ReviewRules.rejection(template.get(), properties.review())
            .map(
                reason ->
                    reason.length() <= TemplateReview.MAX_REASON_LENGTH
                        ? reason
                        : reason.substring(0, TemplateReview.MAX_REASON_LENGTH - 1) + "…");
    review.decide(
        queued.accountId(),
        queued.templateId(),
        rejection.isPresent() ? ReviewDecision.REJECT : ReviewDecision.APPROVE,
        rejection.orElse(null));
    queue.remove(queued.templateId());
  }
}
