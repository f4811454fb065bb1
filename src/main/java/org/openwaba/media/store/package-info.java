/**
 * Persistence of media: the metadata table {@code media_object}, the staging of incoming bytes in
 * temporary files, and the content-addressed {@link org.openwaba.media.store.MediaStorage}.
 */
@NullMarked
package org.openwaba.media.store;

import org.jspecify.annotations.NullMarked;
