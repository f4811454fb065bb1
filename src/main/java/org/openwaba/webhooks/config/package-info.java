/** Settings of the webhooks module. */
@NullMarked
package org.openwaba.webhooks.config;

import org.jspecify.annotations.NullMarked;
