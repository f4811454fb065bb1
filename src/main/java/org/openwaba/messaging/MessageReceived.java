package org.openwaba.messaging;

/**
 * A user's message to the business was stored. Published synchronously inside the transaction that
 * stored it, so a listener's writes (the webhook outbox) commit or roll back with it.
 */
public record MessageReceived(InboundMessage message) {}
