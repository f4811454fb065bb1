package org.openwaba.templates;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;

/** One translation of a template in an account's catalogue, with its review status. */
public record Template(
    TemplateId id,
    AccountId accountId,
    String name,
    String language,
    TemplateCategory category,
    TemplateParameterFormat parameterFormat,
    List<TemplateComponent> components,
    TemplateStatus status,
    @Nullable String rejectedReason,
    Instant createdAt,
    Instant updatedAt) {

  public Template {
    components = List.copyOf(components);
  }

  /** A template with positional placeholders. */
  public Template(
      TemplateId id,
      AccountId accountId,
      String name,
      String language,
      TemplateCategory category,
      List<TemplateComponent> components,
      TemplateStatus status,
      @Nullable String rejectedReason,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        accountId,
        name,
        language,
        category,
        TemplateParameterFormat.POSITIONAL,
        components,
        status,
        rejectedReason,
        createdAt,
        updatedAt);
  }
}
