package org.openwaba.webhooks;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A new registration, or the fields of a change to one (null means "unchanged"; for a new one,
 * {@code url}, {@code verifyToken} and {@code events} are required).
 *
 * @param events names of {@link WebhookEvent}s
 * @param bodyForm the name of a {@link BodyForm}; {@code meta} if absent on creation
 * @param maxEventsPerPost 1 to 100; 1 if absent on creation
 */
public record RegistrationRequest(
    @Nullable String url,
    @Nullable String verifyToken,
    @Nullable List<String> events,
    @Nullable String bodyForm,
    @Nullable Integer maxEventsPerPost) {}
