/**
 * Webhooks: the businesses' registrations and their verification handshake, the durable event
 * outbox written in the transaction of each change, and signed, retried, ordered delivery in Meta's
 * payload format. Owns the tables {@code webhooks_registration}, {@code webhooks_event} and {@code
 * webhooks_attempt} and the endpoints under {@code /v2/webhooks}.
 */
@NullMarked
@ApplicationModule(
    allowedDependencies = {"accounts", "messaging", "network", "templates", "platform :: outbound"})
package org.openwaba.webhooks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
