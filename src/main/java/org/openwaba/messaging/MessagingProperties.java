package org.openwaba.messaging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the send pipeline, under {@code openwaba.messaging}.
 *
 * @param dispatchBatchSize messages claimed from the queue and handed over per transaction
 * @param dispatchPollInterval how often the dispatcher looks for due retries when nothing woke it
 * @param dispatchLease how long a claim lasts; a claim whose worker died is taken again after it
 * @param dispatchMaxAttempts hand-over attempts before a message is marked failed (code 131000)
 * @param retryBaseDelay the delay before the first retry; each later one doubles, with ±20% jitter
 * @param retryMaxDelay the longest delay between two attempts
 * @param dispatchLinger how long the dispatcher, once woken by new messages, waits for more to
 *     arrive before it claims them; larger batches cost fewer commits per message (SQLite writes
 *     every touched page once per commit). Adds at most this much to the time before delivery,
 *     never to the send response
 * @param dispatchPaused hold all outbound delivery (for maintenance of a network): messages are
 *     still accepted and queued durably, and go out once the server runs without this setting
 */
@Validated
@ConfigurationProperties("openwaba.messaging")
public record MessagingProperties(
    @DefaultValue("256") @Min(1) @Max(5000) int dispatchBatchSize,
    @DefaultValue("250ms") Duration dispatchPollInterval,
    @DefaultValue("30s") Duration dispatchLease,
    @DefaultValue("10") @Min(1) int dispatchMaxAttempts,
    @DefaultValue("1s") Duration retryBaseDelay,
    @DefaultValue("5m") Duration retryMaxDelay,
    @DefaultValue("20ms") Duration dispatchLinger,
    @DefaultValue("false") boolean dispatchPaused) {}
