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
 * @param notifications the emails sent to an account's notification address when one of its
 *     templates changes status (only when an SMTP server is configured under {@code spring.mail})
 */
@Validated
@ConfigurationProperties("openwaba.templates")
public record TemplatesProperties(
    @DefaultValue @Valid Review review, @DefaultValue @Valid Notifications notifications) {

  /**
   * Template status emails, under {@code openwaba.templates.notifications}. The SMTP server itself
   * is Spring Boot's {@code spring.mail.host}, {@code port}, {@code username}, {@code password} and
   * {@code properties.*}; without {@code spring.mail.host} no email is queued or sent.
   *
   * @param from the sender address of the emails
   * @param pollInterval how often queued emails are looked for
   * @param maxAttempts sending attempts before an email is kept as failed
   * @param retryDelay the wait after a failed attempt; doubles with each further attempt
   * @param lease how long a claim lasts; an email whose server died is taken again after it
   */
  public record Notifications(
      @DefaultValue("openwaba@localhost") String from,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("8") @Min(1) @Max(100) int maxAttempts,
      @DefaultValue("30s") Duration retryDelay,
      @DefaultValue("60s") Duration lease) {

    public Notifications {
      if (pollInterval.isNegative() || pollInterval.isZero()) {
        throw new IllegalArgumentException(
            "notification poll interval must be positive, was " + pollInterval);
      }
      if (retryDelay.isNegative()) {
        throw new IllegalArgumentException(
            "notification retry delay must not be negative, was " + retryDelay);
      }
    }

    /** The wait after failed attempt number {@code attempt} (1-based): doubling, at most 1 h. */
    public Duration retryAfter(int attempt) {
      Duration delay = retryDelay.multipliedBy(1L << Math.min(attempt - 1, 16));
      Duration cap = Duration.ofHours(1);
      return delay.compareTo(cap) > 0 ? cap : delay;
    }
  }

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
