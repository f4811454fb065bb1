package org.openwaba.templates.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openwaba.templates.Template;
import org.openwaba.templates.TemplateComponent;
import org.openwaba.templates.TemplateStatus;

/**
 * A template as Meta's management API shows it (reference §6.1): {@code name}, {@code
 * parameter_format}, {@code components}, {@code language}, {@code status}, {@code category}, {@code
 * id} (a string), and for a rejected one {@code rejected_reason}, one of Meta's reason codes, with
 * the reviewer's explanation in {@code rejected_reason_details}.
 */
record CloudTemplateView(
    String name,
    String parameterFormat,
    List<TemplateComponent> components,
    String language,
    String status,
    String category,
    String id,
    @Nullable String rejectedReason,
    @Nullable String rejectedReasonDetails) {

  /** Meta's rejection reason codes; a reason given in another form reports {@code NONE}. */
  private static final List<String> META_REASONS =
      List.of(
          "ABUSIVE_CONTENT",
          "INCORRECT_CATEGORY",
          "INVALID_FORMAT",
          "PROMOTIONAL",
          "SCAM",
          "TAG_CONTENT_MISMATCH");

  static CloudTemplateView of(Template template) {
    boolean rejected = template.status() == TemplateStatus.REJECTED;
    String reason = template.rejectedReason();
    return new CloudTemplateView(
        template.name(),
        template.parameterFormat().name(),
        template.components(),
        template.language(),
        template.status().name(),
        template.category().name(),
        template.id().toString(),
        rejected ? metaReason(reason) : null,
        rejected ? reason : null);
  }

  /** The reason code a reason starts with ({@code "INVALID_FORMAT: ..."}), else {@code NONE}. */
  static String metaReason(@Nullable String reason) {
    if (reason != null) {
      String head = reason.split(":", 2)[0].strip().toUpperCase(Locale.ROOT);
      if (META_REASONS.contains(head)) {
        return head;
      }
    }
    return "NONE";
  }
}
