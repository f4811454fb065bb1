/** Persistence of registrations, outbox events and delivery attempts. */
@NullMarked
package org.openwaba.webhooks.store;

import org.jspecify.annotations.NullMarked;
