/** Stores the messages users send to the business, as networks report them. */
@NullMarked
package org.openwaba.messaging.inbound;

import org.jspecify.annotations.NullMarked;
