package org.openwaba.network.sandbox.store;

import org.jspecify.annotations.Nullable;
import org.openwaba.network.OutboundMedia;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of a received message's media: {@code {"id":"…","mime_type":"image/png",
 * "sha256":"…","file_size":123,"filename":null}}. Its own mapper keeps the stored form independent
 * of the API's JSON settings. Thread-safe.
 */
final class MediaJson {

  private static final JsonMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private MediaJson() {}

  static @Nullable String write(@Nullable OutboundMedia media) {
    return media == null ? null : JSON.writeValueAsString(media);
  }

  static @Nullable OutboundMedia read(@Nullable String json) {
    return json == null ? null : JSON.readValue(json, OutboundMedia.class);
  }
}
