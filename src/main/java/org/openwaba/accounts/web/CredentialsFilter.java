package org.openwaba.accounts.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccessTokens;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.accounts.InvalidTokenException;
import org.openwaba.accounts.config.AccountsProperties;
import org.openwaba.platform.ApiDoors;
import org.openwaba.platform.ApiException;
import org.openwaba.platform.ApiRequests;
import org.openwaba.platform.ErrorCode;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Authenticates every request to the business API, through either door ({@code /v2/...} and the
 * Cloud API's {@code /vNN.N/...}), by its bearer access token, and every request to the admin API
 * ({@code /admin/...}) by the admin key. Failures are 401 (code 131030 on the seed's door, 190 on
 * the Cloud API door) and are counted per client address; too many answer 429 before any check.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class CredentialsFilter extends OncePerRequestFilter {

  static final String ACCOUNT_ATTRIBUTE = "openwaba.account";

  private final AccountDirectory directory;
  private final ClientAddressLimiter limiter;
  private final byte @Nullable [] adminKeyHash;
  private final HandlerExceptionResolver resolver;

  CredentialsFilter(
      AccountDirectory directory,
      ClientAddressLimiter limiter,
      AccountsProperties properties,
      @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
    this.directory = directory;
    this.limiter = limiter;
    this.resolver = resolver;
    String adminKey = properties.adminKey();
    this.adminKeyHash =
        adminKey == null || adminKey.isBlank()
            ? null
            : AccessTokens.hash(adminKey).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return !(path.startsWith("/v2/")
        || path.equals("/v2")
        || path.startsWith("/admin/")
        || ApiDoors.isCloudPath(path));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    try {
      long wait = limiter.secondsUntilAllowed(address);
      if (wait > 0) {
        throw new TooManyFailuresException(wait);
      }
      try {
        authenticate(request);
      } catch (InvalidTokenException e) {
        limiter.recordFailure(address);
        throw e;
      }
    } catch (ApiException e) {
      resolver.resolveException(request, response, null, e);
      return;
    }
    chain.doFilter(request, response);
  }

  private void authenticate(HttpServletRequest request) {
    String token = bearerToken(request);
    if (request.getRequestURI().startsWith("/admin/")) {
      if (adminKeyHash == null) {
        throw new InvalidTokenException(
            "The admin API is disabled: start the server with OPENWABA_ADMIN_KEY set");
      }
      byte[] presented = AccessTokens.hash(token).getBytes(StandardCharsets.US_ASCII);
      if (!MessageDigest.isEqual(presented, adminKeyHash)) {
        throw new InvalidTokenException("The admin key is not valid");
      }
      request.setAttribute(ApiRequests.CALLER, "admin");
      return;
    }
    AuthenticatedAccount account = directory.authenticate(token);
    request.setAttribute(ACCOUNT_ATTRIBUTE, account);
    request.setAttribute(ApiRequests.CALLER, account.accountId().toString());
  }

  private static String bearerToken(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw new InvalidTokenException(
          "Send the access token in the header 'Authorization: Bearer <token>'");
    }
    if (header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new InvalidTokenException("The Authorization header must use the Bearer scheme");
    }
    String token = header.substring(7).strip();
    if (token.isEmpty()) {
      throw new InvalidTokenException("The bearer token is empty");
    }
    return token;
  }

  static final class TooManyFailuresException extends ApiException {
    TooManyFailuresException(long retryAfterSeconds) {
      super(
          ErrorCode.RATE_LIMITED,
          ErrorCode.RATE_LIMITED.title(),
          "Too many requests with invalid credentials from this address; retry after "
              + retryAfterSeconds
              + " s",
          Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds)));
    }
  }
}
