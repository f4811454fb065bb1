package org.openwaba.templates;

import org.jspecify.annotations.Nullable;

/** Optional filters for listing templates; a null field does not filter. */
public record TemplateFilter(
    @Nullable String name,
    @Nullable TemplateStatus status,
    @Nullable String language,
    @Nullable TemplateCategory category) {

  /** No filter: every template of the account. */
  public static TemplateFilter all() {
    return new TemplateFilter(null, null, null, null);
  }
}
