/** Downloads media from user-given URLs through the platform's outbound guard, streaming. */
@NullMarked
package org.openwaba.media.fetch;

import org.jspecify.annotations.NullMarked;
