package org.openwaba.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * The one place that tells the two API doors apart: the Cloud API door is every path whose first
 * segment is a Graph API version such as {@code v24.0} ({@code vNN.N}, reference §0); everything
 * else under {@code /v2} is the seed's door. Errors, authentication and controllers all ask here.
 */
public final class ApiDoors {

  /**
   * The path prefix of a Cloud API route, as a Spring MVC path pattern with its {@code version}
   * variable: {@code @PostMapping(ApiDoors.CLOUD + "/{phone_number_id}/messages")}.
   */
  public static final String CLOUD = "/{version:v\\d+\\.\\d+}";

  private static final Pattern CLOUD_PATH = Pattern.compile("^/v\\d+\\.\\d+(/.*)?$");

  private ApiDoors() {}

  /** Whether the path belongs to the Cloud API door. */
  public static boolean isCloudPath(String path) {
    return CLOUD_PATH.matcher(path).matches();
  }

  /**
   * Whether the request came through the Cloud API door, also while an error of it is rendered on
   * the container's error dispatch (whose own path is {@code /error}).
   */
  public static boolean isCloud(HttpServletRequest request) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = original instanceof String uri ? uri : request.getRequestURI();
    return isCloudPath(path);
  }
}
