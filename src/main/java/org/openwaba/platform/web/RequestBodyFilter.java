package org.openwaba.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.PlatformProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Reads JSON request bodies up front, refusing one over the configured limit (413) or one that is
 * not valid UTF-8 (400), and keeps the bytes for the error log's excerpt. Multipart uploads are
 * left to the endpoints that take them, which enforce their own limits while streaming.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyFilter extends OncePerRequestFilter {

  static final String BODY_ATTRIBUTE = "openwaba.body";

  private final int maxBodyBytes;
  private final HandlerExceptionResolver resolver;

  RequestBodyFilter(
      PlatformProperties properties,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
    this.maxBodyBytes = properties.maxBodyBytes();
    this.resolver = resolver;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String contentType = request.getContentType();
    return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body;
    try {
      body = readBody(request);
      if (body.length > 0 && isJson(request.getContentType())) {
        requireUtf8(body);
      }
    } catch (ApiException e) {
      resolver.resolveException(request, response, null, e);
      return;
    }
    request.setAttribute(BODY_ATTRIBUTE, body);
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private byte[] readBody(HttpServletRequest request) throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw tooLarge();
    }
    InputStream in = request.getInputStream();
    byte[] buffer = new byte[declared > 0 ? (int) declared : 1024];
    int length = 0;
    while (true) {
      if (length == buffer.length) {
        if (length > maxBodyBytes) {
          throw tooLarge();
        }
        buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxBodyBytes + 1));
      }
      int read = in.read(buffer, length, buffer.length - length);
      if (read < 0) {
        break;
      }
      length += read;
      if (length > maxBodyBytes) {
        throw tooLarge();
      }
    }
    return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
  }

  private ApiException tooLarge() {
    return new PayloadTooLargeException(maxBodyBytes);
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("application/json") || type.contains("+json");
  }

  private static void requireUtf8(byte[] body) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      throw new InvalidRequestException(
          "Request body is not valid UTF-8", "Encode the JSON body as UTF-8 (RFC 8259)");
    }
  }

  static final class PayloadTooLargeException extends ApiException {
    PayloadTooLargeException(int limit) {
      super(
          ErrorCode.PAYLOAD_TOO_LARGE,
          "Request body too large",
          "The request body must not exceed " + limit + " bytes");
    }
  }
}
