/** Meta's webhook payloads: the JSON of each change, the envelope, and their byte-exact forms. */
@NullMarked
package org.openwaba.webhooks.payload;

import org.jspecify.annotations.NullMarked;
