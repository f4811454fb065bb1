/**
 * Templates internals: the emails that tell an account's notification address about its templates'
 * status changes, written to an outbox in the changing transaction and sent by a worker.
 */
@NullMarked
package org.openwaba.templates.notify;

import org.jspecify.annotations.NullMarked;
