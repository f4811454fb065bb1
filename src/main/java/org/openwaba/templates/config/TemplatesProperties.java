package org.openwaba.templates.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the templates module, under {@code openwaba.templates}.
 *
 * @param review the automatic review engine that decides new templates
 */
@Validated
@ConfigurationProperties("openwaba.templates")
public record TemplatesProperties(@DefaultValue @Valid Review review) {

  /**
   * The automatic review, under {@code openwaba.templates.review}. A new template is {@code
   * PENDING}; {@code delay} later the engine approves it, or rejects it with a reason when one of
   * the enabled rules below fails. The due time is stored with the template, so a restart loses no
   * review. An operator's decision (admin API) taken before then wins.
   *
   * @param enabled whether this server runs the engine; when off, reviews wait in the queue (and an
   *     operator decides by hand) until a server runs with it on
   * @param delay how long a template stays {@code PENDING} before it is decided. The default suits
   *     the sandbox; Meta takes minutes to a day, and the seed specification 24 to 72 hours, so a
   *     production-like set-up uses e.g. {@code 24h}
   * @param pollInterval how often the engine looks for due reviews
   * @param batchSize reviews claimed per poll
   * @param lease how long a claim lasts; a review whose server died is taken again after it
   * @param rejectOnlyPlaceholders reject a body that is nothing but variables (and punctuation)
   * @param rejectWrongNumbering reject variables not numbered {@code {{1}}} to {@code {{n}}} in
   *     order of first appearance, and malformed ones such as {@code {{one}}}
   * @param rejectPlaceholderAtEdges reject a body that starts or ends with a variable (Meta's
   *     creation error 2388299)
   * @param rejectAdjacentPlaceholders reject two variables with no text between them
   * @param minWordsPerPlaceholder the words of fixed text the body needs per variable; fewer is
   *     "too many variables for the length" (Meta's 2388293). 0 turns the rule off
   * @param denyWords words or phrases that reject a template wherever they appear in its texts
   *     (header, body, footer, buttons), case-insensitively and as whole words; empty by default
   * @param denyReason the Meta rejection reason reported for a denied word, such as {@code
   *     ABUSIVE_CONTENT}, {@code PROMOTIONAL} or {@code SCAM}
   */
  public record Review(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("5s") Duration delay,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
      @DefaultValue("60s") Duration lease,
      @DefaultValue("true") boolean rejectOnlyPlaceholders,
      @DefaultValue("true") boolean rejectWrongNumbering,
      @DefaultValue("true") boolean rejectPlaceholderAtEdges,
      @DefaultValue("true") boolean rejectAdjacentPlaceholders,
      @DefaultValue("2") @Min(0) @Max(100) int minWordsPerPlaceholder,
      @DefaultValue List<String> denyWords,
      @DefaultValue("ABUSIVE_CONTENT") String denyReason) {

    public Review {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("review delay must not be negative, was " + delay);
      }
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException(
            "review poll interval must be positive, was " + pollInterval);
      }
      if (lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("review lease must be positive, was " + lease);
      }
      denyWords = List.copyOf(denyWords);
    }
  }
}
