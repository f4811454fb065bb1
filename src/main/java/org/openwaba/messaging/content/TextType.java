package org.openwaba.messaging.content;

import java.util.Set;
import org.openwaba.platform.JsonFields;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code text}: {@code body} of 1 to 4,096 characters, optional {@code preview_url}. */
@Component
class TextType implements ContentType {

  @Override
  public Set<String> types() {
    return Set.of("text");
  }

  @Override
  public Prepared prepare(Sending sending, String type, JsonNode payload) {
    JsonNode text = JsonFields.object(payload, "text");
    JsonNode body = text.get("body");
    if (JsonFields.absent(body)) {
      throw JsonFields.missing("text.body");
    }
    if (!body.isString()) {
      throw JsonFields.invalid("text.body", "text.body must be a string");
    }
    return Prepared.text(
        TextBodies.require(body.stringValue(), "text.body"),
        JsonFields.bool(text, "preview_url", "text", false));
  }
}
