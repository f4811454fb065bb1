package org.openwaba.platform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Graph API field selection ({@code ?fields=name,status}) for answers of the Cloud API door: only
 * the named top-level fields are kept, plus {@code id}, as Meta does. Nested selections such as
 * {@code throughput{level}} are accepted and keep the whole nested field.
 */
public final class GraphFields {

  private GraphFields() {}

  /**
   * The node as JSON, reduced to the requested fields; all fields when {@code fields} is null or
   * blank.
   *
   * @param nodeType Meta's name of the node's type, for the error's details
   * @throws InvalidRequestException (100 on the Cloud API door) naming a field the node does not
   *     have
   */
  public static JsonNode select(
      JsonMapper json, Object node, @Nullable String fields, String nodeType) {
    JsonNode tree = json.valueToTree(node);
    if (fields == null || fields.isBlank() || !(tree instanceof ObjectNode object)) {
      return tree;
    }
    Set<String> wanted = new LinkedHashSet<>(names(fields));
    for (String field : wanted) {
      if (!object.has(field)) {
        throw new InvalidRequestException(
            "Unknown field",
            "Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")");
      }
    }
    wanted.add("id");
    ObjectNode selected = json.createObjectNode();
    object
        .properties()
        .forEach(
            entry -> {
              if (wanted.contains(entry.getKey())) {
                selected.set(entry.getKey(), entry.getValue());
              }
            });
    return selected;
  }

  private static List<String> names(String fields) {
    List<String> names = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : fields.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && c == ',') {
        add(names, current);
      } else if (depth == 0) {
        current.append(c);
      }
    }
    add(names, current);
    return names;
  }

  private static void add(List<String> names, StringBuilder current) {
    String name = current.toString().strip();
    if (!name.isEmpty()) {
      names.add(name);
    }
    current.setLength(0);
  }
}
