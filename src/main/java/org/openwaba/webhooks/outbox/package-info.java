/** Writes events to the outbox in the transaction of the change that caused them. */
@NullMarked
package org.openwaba.webhooks.outbox;

import org.jspecify.annotations.NullMarked;
