package org.openwaba.platform.web;

import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns JSON parsing failures into details a client can act on, naming the field and the JSON type
 * it needs, without leaking Java class names.
 */
final class JsonProblems {

  private JsonProblems() {}

  static String describe(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    if (cause instanceof MismatchedInputException mismatch) {
      String field = path(mismatch);
      String expected = jsonType(mismatch.getTargetType());
      if (field.isEmpty()) {
        return "The request body must be a JSON object";
      }
      return "Field '" + field + "' must be " + expected;
    }
    if (cause instanceof StreamReadException parse) {
      TokenStreamLocation location = parse.getLocation();
      String where =
          location == null
              ? ""
              : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      return "The request body is not valid JSON" + where;
    }
    if (cause instanceof JacksonException jackson && !path(jackson).isEmpty()) {
      return "Field '" + path(jackson) + "' has an invalid value";
    }
    return "The request body is missing or is not valid JSON";
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String jsonType(@Nullable Class<?> type) {
    if (type == null) {
      return "of a different JSON type";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "a boolean (true or false)";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return "a number";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "an object";
    }
    return "of a different JSON type";
  }

  /** Bean Validation reports Java property names; clients know the snake_case JSON names. */
  static String jsonName(String javaName) {
    StringBuilder out = new StringBuilder(javaName.length() + 4);
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
