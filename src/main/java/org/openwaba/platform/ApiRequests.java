package org.openwaba.platform;

/** Names of request attributes that modules set for the platform's logging and error rendering. */
public final class ApiRequests {

  /**
   * Request attribute holding a short, non-secret label of the authenticated caller (an account id,
   * or {@code admin}), for the structured error log.
   */
  public static final String CALLER = "openwaba.caller";

  /** Request attribute and response header carrying the request id. */
  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  private ApiRequests() {}
}
