/**
 * Keeps the current reaction on each reacted message: the business's reactions on users' messages
 * as the business sends them, and users' reactions on the business's messages as networks report
 * them.
 */
@NullMarked
package org.openwaba.messaging.reaction;

import org.jspecify.annotations.NullMarked;
