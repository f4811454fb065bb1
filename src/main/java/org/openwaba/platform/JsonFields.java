package org.openwaba.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads fields of a JSON request object with the checks every structured message type needs: a
 * missing field is {@link ErrorCode#MISSING_PARAMETER} (Meta's 131008), a field of the wrong JSON
 * type or over its limit is {@link ErrorCode#INVALID_PARAMETER} (Meta's 131009). Every error's
 * details name the field by its full path ({@code interactive.action.buttons[0].reply.title}) and,
 * for a limit, the limit. Lengths are counted as Unicode code points, as users see characters.
 */
public final class JsonFields {

  private JsonFields() {}

  /** {@code parent.name}, or {@code name} at the top. */
  public static String path(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  /** {@code parent[index]}. */
  public static String path(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** True when the field is absent or JSON null. */
  public static boolean absent(@Nullable JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** The object at {@code path}, which must be present. */
  public static JsonNode object(@Nullable JsonNode node, String path) {
    if (absent(node)) {
      throw missing(path);
    }
    if (!node.isObject()) {
      throw invalid(path, path + " must be a JSON object");
    }
    return node;
  }

  /** The array at {@code path}, which must be present and hold {@code min} to {@code max} items. */
  public static JsonNode array(@Nullable JsonNode node, String path, int min, int max) {
    if (absent(node)) {
      throw missing(path);
    }
    if (!node.isArray()) {
      throw invalid(path, path + " must be a JSON array");
    }
    if (node.size() < min || node.size() > max) {
      throw invalid(path, path + " must have " + min + " to " + max + " items, had " + node.size());
    }
    return node;
  }

  /** A required string of 1 to {@code max} characters. */
  public static String text(JsonNode parent, String name, String parentPath, int max) {
    String path = path(parentPath, name);
    String value = optionalText(parent, name, parentPath, max);
    if (value == null) {
      throw missing(path);
    }
    if (value.isEmpty()) {
      throw invalid(path, path + " must not be empty");
    }
    return value;
  }

  /** An optional string of at most {@code max} characters; null when absent. */
  public static @Nullable String optionalText(
      JsonNode parent, String name, String parentPath, int max) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      return null;
    }
    String path = path(parentPath, name);
    if (!node.isString()) {
      throw invalid(path, path + " must be a string");
    }
    String value = node.stringValue();
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      throw invalid(path, path + " has " + length + " characters; the limit is " + max);
    }
    return value;
  }

  /**
   * A required number within {@code [min, max]}; a string holding a number is accepted too, as some
   * clients send coordinates so.
   */
  public static double number(
      JsonNode parent, String name, String parentPath, double min, double max) {
    JsonNode node = parent.get(name);
    String path = path(parentPath, name);
    if (absent(node)) {
      throw missing(path);
    }
    double value;
    if (node.isNumber()) {
      value = node.doubleValue();
    } else if (node.isString()) {
      try {
        value = Double.parseDouble(node.stringValue().strip());
      } catch (NumberFormatException e) {
        throw invalid(path, path + " must be a number, was '" + node.stringValue() + "'");
      }
    } else {
      throw invalid(path, path + " must be a number");
    }
    if (!(value >= min && value <= max)) {
      throw invalid(path, path + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /** An optional boolean; {@code fallback} when absent. */
  public static boolean bool(JsonNode parent, String name, String parentPath, boolean fallback) {
    JsonNode node = parent.get(name);
    if (absent(node)) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw invalid(path(parentPath, name), path(parentPath, name) + " must be true or false");
    }
    return node.booleanValue();
  }

  /** A required string that must be one of {@code allowed}. */
  public static String oneOf(
      JsonNode parent, String name, String parentPath, List<String> allowed) {
    String path = path(parentPath, name);
    String value = text(parent, name, parentPath, Integer.MAX_VALUE);
    if (!allowed.contains(value)) {
      throw invalid(
          path, path + " must be one of " + String.join(", ", allowed) + "; was '" + value + "'");
    }
    return value;
  }

  /**
   * A required absolute {@code https} or {@code http} URL with a host, of at most {@code max}
   * characters. The value is not echoed in errors: signed URLs carry credentials in their query.
   */
  public static URI httpUrl(JsonNode parent, String name, String parentPath, int max) {
    String path = path(parentPath, name);
    String value = text(parent, name, parentPath, max);
    try {
      URI url = new URI(value);
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("https") || scheme.equals("http")) && url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // Answered below like any other malformed URL.
    }
    throw invalid(
        path, path + " must be an absolute https or http URL such as https://example.com/");
  }

  /**
   * Adds {@code value} to {@code seen}, refusing one that is already there: for ids and titles that
   * must be unique within a request.
   */
  public static void requireUnique(Set<String> seen, String value, String path) {
    if (!seen.add(value)) {
      throw invalid(path, path + " '" + value + "' is used twice; each must be unique");
    }
  }

  /** Refuses a string with leading or trailing white space. */
  public static void requireTrimmed(String value, String path) {
    if (!value.strip().equals(value)) {
      throw invalid(path, path + " must not start or end with white space");
    }
  }

  public static InvalidRequestException missing(String path) {
    return new InvalidRequestException(
        ErrorCode.MISSING_PARAMETER, "Missing " + path, path + " is required");
  }

  public static InvalidRequestException invalid(String path, String details) {
    return new InvalidRequestException(ErrorCode.INVALID_PARAMETER, "Invalid " + path, details);
  }
}
