package org.openwaba.media;

import org.springframework.core.io.Resource;

/**
 * Stored media with its bytes, for download. The resource can be read several times and by byte
 * ranges.
 */
public record MediaContent(Media media, Resource bytes) {}
