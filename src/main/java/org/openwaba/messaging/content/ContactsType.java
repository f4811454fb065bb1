package org.openwaba.messaging.content;

import java.util.Set;
import org.openwaba.network.MessageContents;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** {@code contacts}: contact cards, as an array or as that array JSON-encoded in a string. */
@Component
class ContactsType implements ContentType {

  @Override
  public Set<String> types() {
    return Set.of("contacts");
  }

  @Override
  public Prepared prepare(Sending sending, String type, JsonNode payload) {
    return Prepared.structured("contacts", "", MessageContents.contacts(payload, "contacts"));
  }
}
