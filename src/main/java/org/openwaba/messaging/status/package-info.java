/**
 * Messaging internals: status changes reported by networks, applied forward-only, and message
 * metrics.
 */
@NullMarked
package org.openwaba.messaging.status;

import org.jspecify.annotations.NullMarked;
