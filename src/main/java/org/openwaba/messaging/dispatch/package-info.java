/**
 * Messaging internals: the worker that hands queued messages to delivery networks, with retries.
 */
@NullMarked
package org.openwaba.messaging.dispatch;

import org.jspecify.annotations.NullMarked;
