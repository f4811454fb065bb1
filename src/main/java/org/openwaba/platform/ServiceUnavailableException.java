package org.openwaba.platform;

/** The server cannot take the request now (overload, store unreachable); HTTP 503. */
public class ServiceUnavailableException extends ApiException {

  public ServiceUnavailableException(String details) {
    super(ErrorCode.UNAVAILABLE, ErrorCode.UNAVAILABLE.title(), details);
  }
}
