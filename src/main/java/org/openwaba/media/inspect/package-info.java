/**
 * Decides what a file really is from its bytes (Apache Tika's magic-byte detector, plus a look into
 * ZIP containers for Office Open XML), checks its structure is complete, and reads the dimensions
 * and duration where the file states them cheaply.
 */
@NullMarked
package org.openwaba.media.inspect;

import org.jspecify.annotations.NullMarked;
