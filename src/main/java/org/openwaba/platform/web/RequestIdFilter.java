package org.openwaba.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.openwaba.platform.ApiRequests;
import org.openwaba.platform.Ids;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, returned in {@code X-Request-Id} and put in the logging context. A
 * caller's own id is kept when it is short and harmless, so that it can be traced across systems.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final Ids ids;

  RequestIdFilter(Ids ids) {
    this.ids = ids;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String requestId = request.getHeader(ApiRequests.REQUEST_ID_HEADER);
    if (requestId == null || !SAFE_ID.matcher(requestId).matches()) {
      requestId = ids.opaqueId();
    }
    request.setAttribute(ApiRequests.REQUEST_ID_HEADER, requestId);
    response.setHeader(ApiRequests.REQUEST_ID_HEADER, requestId);
    MDC.put("request_id", requestId);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove("request_id");
    }
  }
}
