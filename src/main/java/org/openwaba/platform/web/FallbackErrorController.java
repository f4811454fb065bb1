package org.openwaba.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.openwaba.platform.ErrorCode;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders errors that never reached a controller (rejected by the servlet container itself, such as
 * a malformed URL) in the same envelope instead of the container's HTML page.
 */
@RestController
class FallbackErrorController implements ErrorController {

  private final ApiExceptionHandler handler;

  FallbackErrorController(ApiExceptionHandler handler) {
    this.handler = handler;
  }

  @RequestMapping("/error")
  ResponseEntity<Object> error(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = status instanceof Integer value ? value : 500;
    ErrorCode errorCode =
        Arrays.stream(ErrorCode.values())
            .filter(candidate -> candidate.status().value() == code)
            .findFirst()
            .orElse(code >= 500 ? ErrorCode.INTERNAL : ErrorCode.VALIDATION);
    return handler.fallback(errorCode, request);
  }
}
