package org.openwaba.templates;

import java.util.Locale;
import java.util.Set;

/**
 * What an operator decides about a template, and the statuses each decision may be taken from.
 * Mirrors Meta's lifecycle: a pending template is approved or rejected; an approved one can be
 * paused (for low quality) or disabled; a paused one can be approved again (resumed) or disabled.
 * Rejected and disabled templates are final.
 */
public enum ReviewDecision {
  APPROVE(TemplateStatus.APPROVED, Set.of(TemplateStatus.PENDING, TemplateStatus.PAUSED)),
  REJECT(TemplateStatus.REJECTED, Set.of(TemplateStatus.PENDING)),
  PAUSE(TemplateStatus.PAUSED, Set.of(TemplateStatus.APPROVED)),
  DISABLE(TemplateStatus.DISABLED, Set.of(TemplateStatus.APPROVED, TemplateStatus.PAUSED));

  private final TemplateStatus outcome;
  private final Set<TemplateStatus> from;

  ReviewDecision(TemplateStatus outcome, Set<TemplateStatus> from) {
    this.outcome = outcome;
    this.from = from;
  }

  /** The status the template has after this decision. */
  public TemplateStatus outcome() {
    return outcome;
  }

  /** Whether a template in {@code status} may be given this decision. */
  public boolean appliesTo(TemplateStatus status) {
    return from.contains(status);
  }

  /** The decision as the admin API names it: {@code approve}, {@code reject}, ... */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
