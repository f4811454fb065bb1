package org.openwaba.messaging.content;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One or more message types ({@code text}, {@code image}, {@code location}, …) in Meta's send
 * shape: checks the type's object and prepares the message. Implementations are Spring beans, found
 * by {@link ContentTypes}.
 */
public interface ContentType {

  /** The {@code type} values this handles. */
  Set<String> types();

  /**
   * Checks the type's object and prepares the message.
   *
   * @param type one of {@link #types()}
   * @param payload the type's object as the request had it (the value of the field named like the
   *     type), never null: a missing one is refused before
   * @throws org.openwaba.platform.InvalidRequestException naming the field and the rule it breaks
   */
  Prepared prepare(Sending sending, String type, JsonNode payload);
}
