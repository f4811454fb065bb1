/**
 * The media endpoints of the seed door (upload, metadata, download with ranges, delete) and of the
 * Cloud API door (upload, metadata node, delete).
 */
@NullMarked
package org.openwaba.media.web;

import org.jspecify.annotations.NullMarked;
