/** Platform internals: strict JSON mapping shared by every endpoint. */
@NullMarked
package org.openwaba.platform.json;

import org.jspecify.annotations.NullMarked;
