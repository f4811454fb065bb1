package org.openwaba.templates;

/** Where a template stands in review and use, named as Meta names it. */
public enum TemplateStatus {
  /** Under review; not yet usable. */
  PENDING,
  /** Usable in template messages. */
  APPROVED,
  /** Failed review; the template carries the reason. */
  REJECTED,
  /** Paused for low quality; sends fail until it is resumed. */
  PAUSED,
  /** Permanently disabled. */
  DISABLED
}
