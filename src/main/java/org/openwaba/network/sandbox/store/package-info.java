/** Sandbox internals: persistence of devices, the messages they received and pending receipts. */
@NullMarked
package org.openwaba.network.sandbox.store;

import org.jspecify.annotations.NullMarked;
