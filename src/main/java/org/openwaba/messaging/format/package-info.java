/** Messaging internals: parsing WhatsApp's text formatting markers into styled spans. */
@NullMarked
package org.openwaba.messaging.format;

import org.jspecify.annotations.NullMarked;
