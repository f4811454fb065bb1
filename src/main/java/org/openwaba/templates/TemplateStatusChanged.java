package org.openwaba.templates;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;

/**
 * A template's review status changed. Published inside the transaction that stored the change, so a
 * listener that records it (the webhooks module's {@code message_template_status_update}, an email
 * outbox) commits or rolls back with it.
 *
 * @param reason why it was rejected, paused or disabled, as the operator or the automatic review
 *     gave it (an automatic rejection starts with Meta's reason code, such as {@code
 *     INVALID_FORMAT: …}); null if none
 */
public record TemplateStatusChanged(
    TemplateId templateId,
    AccountId accountId,
    String name,
    String language,
    TemplateStatus previous,
    TemplateStatus status,
    @Nullable String reason,
    Instant at) {}
