package org.openwaba.templates;

/** Identifies one template translation: a positive number at most 2^53−1. */
public record TemplateId(long value) {

  public TemplateId {
    if (value <= 0) {
      throw new IllegalArgumentException("template id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
