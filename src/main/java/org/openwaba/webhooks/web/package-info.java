/** The webhook registration and delivery log API under /v2/webhooks. */
@NullMarked
package org.openwaba.webhooks.web;

import org.jspecify.annotations.NullMarked;
