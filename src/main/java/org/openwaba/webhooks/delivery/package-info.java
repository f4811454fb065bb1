/** The workers that verify endpoints and deliver outbox events, signed and retried. */
@NullMarked
package org.openwaba.webhooks.delivery;

import org.jspecify.annotations.NullMarked;
