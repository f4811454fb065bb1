package org.openwaba.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An event queued for one registration, as the API shows it.
 *
 * @param state {@code pending}, {@code delivered} or {@code failed}
 * @param value the {@code changes[].value} it carries, as JSON
 */
public record OutboxEvent(
    long id,
    long registrationId,
    WebhookEvent kind,
    @Nullable String orderKey,
    String state,
    int attempts,
    Instant createdAt,
    Instant dueAt,
    @Nullable String lastError,
    @Nullable Instant finishedAt,
    String value) {}
