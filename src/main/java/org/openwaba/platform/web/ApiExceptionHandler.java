package org.openwaba.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.stream.Collectors;
import org.openwaba.platform.ApiDoors;
import org.openwaba.platform.ApiException;
import org.openwaba.platform.ApiRequests;
import org.openwaba.platform.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that renders API errors: every exception, from a module or from Spring, becomes the
 * documented envelope of the door it came through (the seed's, or Meta's Graph envelope on the
 * Cloud API door) with its status, and is logged as one structured line. Stack traces are logged
 * for unexpected failures only, and never sent to the client.
 */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final ApiErrorLog errorLog;

  ApiExceptionHandler(ApiErrorLog errorLog) {
    this.errorLog = errorLog;
  }

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
    return render(e.errorCode(), e.getMessage(), e.details(), e.headers(), request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
    return error(ErrorCode.VALIDATION, "Malformed request body", JsonProblems.describe(e), request);
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Object> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    String details =
        e.getBindingResult().getFieldErrors().stream()
            .map(ApiExceptionHandler::describe)
            .sorted()
            .collect(Collectors.joining("; "));
    if (details.isEmpty()) {
      details = "The request body is not valid";
    }
    boolean missing =
        e.getBindingResult().getFieldErrors().stream()
            .anyMatch(error -> "NotNull".equals(error.getCode()));
    return error(
        missing ? ErrorCode.MISSING_PARAMETER : ErrorCode.INVALID_PARAMETER,
        "Invalid request",
        details,
        request);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<Object> invalidParameters(
      HandlerMethodValidationException e, HttpServletRequest request) {
    String details =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                result.getMethodParameter().getParameterName()
                                    + ": "
                                    + error.getDefaultMessage()))
            .sorted()
            .collect(Collectors.joining("; "));
    return error(ErrorCode.INVALID_PARAMETER, "Invalid request", details, request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Object> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return error(
        ErrorCode.MISSING_PARAMETER,
        "Missing parameter",
        "Query parameter '" + e.getParameterName() + "' is required",
        request);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return error(
        ErrorCode.INVALID_PARAMETER,
        "Invalid parameter",
        "Parameter '" + e.getName() + "' has an invalid value",
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Object> unsupportedMediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    String supported =
        e.getSupportedMediaTypes().stream()
            .map(MediaType::toString)
            .collect(Collectors.joining(", "));
    return error(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported content type",
        "Send the body as " + (supported.isEmpty() ? "application/json" : supported),
        request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Object> notAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return error(
        ErrorCode.NOT_ACCEPTABLE,
        "Not acceptable",
        "This endpoint answers with application/json; accept it",
        request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Object> methodNotAllowed(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    String allowed =
        String.join(
            ", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods());
    return render(
        ErrorCode.METHOD_NOT_ALLOWED,
        "Method not allowed",
        request.getMethod()
            + " is not supported here"
            + (allowed.isEmpty() ? "" : "; use " + allowed),
        allowed.isEmpty() ? Map.of() : Map.of(HttpHeaders.ALLOW, allowed),
        request);
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<Object> noSuchPath(Exception e, HttpServletRequest request) {
    return error(
        ErrorCode.NOT_FOUND,
        "Not found",
        "No endpoint at " + request.getMethod() + " " + request.getRequestURI(),
        request);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<Object> uploadTooLarge(
      MaxUploadSizeExceededException e, HttpServletRequest request) {
    return error(
        ErrorCode.PAYLOAD_TOO_LARGE,
        "Request body too large",
        "The upload exceeds the configured limit",
        request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    log.error(
        "unexpected_error method={} path={} request_id={}",
        request.getMethod(),
        request.getRequestURI(),
        requestId(request),
        e);
    return error(
        ErrorCode.INTERNAL,
        "Internal server error",
        "The server failed to handle the request; quote the request id to support",
        request);
  }

  ResponseEntity<Object> fallback(ErrorCode code, HttpServletRequest request) {
    return error(
        code, code.title(), "The request could not be processed: " + code.title(), request);
  }

  private ResponseEntity<Object> error(
      ErrorCode code, String message, String details, HttpServletRequest request) {
    return render(code, message, details, Map.of(), request);
  }

  /**
   * Renders the error in the dialect of the door the request came through (chosen by {@link
   * ApiDoors}): Meta's Graph envelope, code and status on the Cloud API door, the seed's envelope
   * everywhere else.
   */
  private ResponseEntity<Object> render(
      ErrorCode code,
      String message,
      String details,
      Map<String, String> headers,
      HttpServletRequest request) {
    String requestId = requestId(request);
    ResponseEntity.BodyBuilder builder;
    Object body;
    if (ApiDoors.isCloud(request)) {
      ErrorCode.Meta meta = code.meta();
      builder = ResponseEntity.status(meta.status());
      body = GraphErrorEnvelope.of(meta.code(), meta.subcode(), meta.title(), details, requestId);
      errorLog.record(
          request, meta.status().value(), meta.code(), meta.title(), details, requestId);
    } else {
      builder = ResponseEntity.status(code.status());
      body =
          new ErrorEnvelope(
              "error", code.status().value(), code.code(), message, details, requestId);
      errorLog.record(request, code.status().value(), code.code(), message, details, requestId);
    }
    headers.forEach(builder::header);
    return builder.contentType(MediaType.APPLICATION_JSON).body(body);
  }

  static String requestId(HttpServletRequest request) {
    Object id = request.getAttribute(ApiRequests.REQUEST_ID_HEADER);
    return id == null ? "-" : id.toString();
  }

  private static String describe(FieldError error) {
    return JsonProblems.jsonName(error.getField()) + ": " + error.getDefaultMessage();
  }
}
