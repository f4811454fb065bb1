/**
 * The send pipeline: validates and durably accepts messages, dispatches them to delivery networks
 * from a durable queue, and tracks their statuses. Owns the tables {@code messaging_message} and
 * {@code messaging_dispatch}, the endpoints {@code POST /v2/send-message}, {@code POST
 * /v2/send-media} and {@code GET /v2/message-status}, and publishes {@link
 * org.openwaba.messaging.MessageStatusChanged}.
 */
@NullMarked
@ApplicationModule(
    allowedDependencies = {"accounts", "compliance", "media", "network", "templates"})
package org.openwaba.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
