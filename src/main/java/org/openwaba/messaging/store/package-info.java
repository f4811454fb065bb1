/** Messaging internals: persistence of messages and of the dispatch queue. */
@NullMarked
package org.openwaba.messaging.store;

import org.jspecify.annotations.NullMarked;
