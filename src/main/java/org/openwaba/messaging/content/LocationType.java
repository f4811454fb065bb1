package org.openwaba.messaging.content;

import java.util.Set;
import org.openwaba.network.MessageContents;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code location}: coordinates within range, optional name and address. */
@Component
class LocationType implements ContentType {

  @Override
  public Set<String> types() {
    return Set.of("location");
  }

  @Override
  public Prepared prepare(Sending sending, String type, JsonNode payload) {
    JsonNode location = MessageContents.location(payload, "location");
    return Prepared.structured("location", "", location);
  }
}
