/**
 * The sandbox delivery network, the default one: virtual devices (phones) that receive, read and
 * answer messages, so that the whole API works on one machine without a Meta account. Owns the
 * tables {@code network_sandbox_device}, {@code network_sandbox_message} and {@code
 * network_sandbox_receipt} and the endpoints under {@code /v2/sandbox}; publishes {@link
 * org.openwaba.network.DeliveryStatusesReported} for the receipts devices send a device sends.
 */
@NullMarked
package org.openwaba.network.sandbox;

import org.jspecify.annotations.NullMarked;
