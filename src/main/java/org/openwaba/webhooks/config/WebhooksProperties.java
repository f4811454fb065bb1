package org.openwaba.webhooks.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of webhook delivery, under {@code openwaba.webhooks}.
 *
 * @param maxRetryAge how long an event is retried after it was created; after that it is marked
 *     failed and kept for manual redelivery (Meta retries for 7 days)
 * @param retryBaseDelay the delay before the first retry; each later one doubles, with ±20% jitter
 * @param retryMaxDelay the longest delay between two attempts
 * @param connectTimeout the longest wait for a connection to an endpoint
 * @param requestTimeout the longest a whole POST (or handshake) may take, answer included
 * @param concurrency POSTs in flight at once per registration; a slow endpoint holds only its own
 * @param pollInterval how often the worker looks for retries that came due when nothing woke it
 * @param lease how long a claim on an event lasts; a claim whose worker died is taken again after
 *     it. Must exceed the request timeout
 * @param retention how long delivered and failed events and the delivery log are kept
 * @param maxRegistrationsPerAccount registrations one account may have
 * @param housekeepingInterval how often finished events past their retention are purged, stranded
 *     waiting events released and the backlog gauge refreshed
 */
@Validated
@ConfigurationProperties("openwaba.webhooks")
public record WebhooksProperties(
    @DefaultValue("7d") Duration maxRetryAge,
    @DefaultValue("5s") Duration retryBaseDelay,
    @DefaultValue("1h") Duration retryMaxDelay,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("10s") Duration requestTimeout,
    @DefaultValue("16") @Min(1) @Max(256) int concurrency,
    @DefaultValue("250ms") Duration pollInterval,
    @DefaultValue("60s") Duration lease,
    @DefaultValue("7d") Duration retention,
    @DefaultValue("10") @Min(1) @Max(1000) int maxRegistrationsPerAccount,
    @DefaultValue("10s") @DurationMin(millis = 10) Duration housekeepingInterval) {}
