/**
 * Sandbox internals: when devices send their delivery and read receipts, how a receipt is applied
 * and reported, and the background worker that applies receipts when they come due.
 */
@NullMarked
package org.openwaba.network.sandbox.delivery;

import org.jspecify.annotations.NullMarked;
