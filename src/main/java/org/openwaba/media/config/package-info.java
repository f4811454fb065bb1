/** The media module's settings, under {@code openwaba.media}. */
@NullMarked
package org.openwaba.media.config;

import org.jspecify.annotations.NullMarked;
