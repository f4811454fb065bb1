/** The background job that deletes expired media, rows and files. */
@NullMarked
package org.openwaba.media.cleanup;

import org.jspecify.annotations.NullMarked;
