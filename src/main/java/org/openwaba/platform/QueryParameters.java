package org.openwaba.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;

/** Refuses query parameters an endpoint does not define, so that a typo is not silently lost. */
public final class QueryParameters {

  private QueryParameters() {}

  /**
   * @throws InvalidRequestException (132000) naming the first unknown parameter and the known ones
   */
  public static void requireOnly(HttpServletRequest request, Set<String> allowed) {
    for (String name : new TreeSet<>(request.getParameterMap().keySet())) {
      if (!allowed.contains(name)) {
        throw new InvalidRequestException(
            "Unknown query parameter",
            "Query parameter '"
                + name
                + "' is not supported here"
                + (allowed.isEmpty()
                    ? ""
                    : "; supported: " + String.join(", ", new TreeSet<>(allowed))));
      }
    }
  }
}
