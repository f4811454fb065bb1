package org.openwaba.platform.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP client whose every connection goes through the {@link AddressPolicy}: the URL of the
 * request and of every redirect hop is checked (scheme and resolved address), and the connection
 * itself is opened only to addresses the policy allows, so a host that resolves differently the
 * second time (DNS rebinding) cannot reach a refused address. The whole exchange, including reading
 * the body in the handler, is aborted after the total timeout. Thread-safe; close it when done.
 */
public final class OutboundClient implements AutoCloseable {

  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final CloseableHttpClient client;
  private final AddressPolicy policy;
  private final int maxRedirects;
  private final Duration totalTimeout;
  private final ScheduledExecutorService timer;

  OutboundClient(
      CloseableHttpClient client,
      AddressPolicy policy,
      int maxRedirects,
      Duration totalTimeout,
      ScheduledExecutorService timer) {
    this.client = client;
    this.policy = policy;
    this.maxRedirects = maxRedirects;
    this.totalTimeout = totalTimeout;
    this.timer = timer;
  }

  /**
   * Sends {@code GET url}, following at most the configured number of redirects, and hands the
   * final response to {@code handler}, which may stream its body. Any status other than a redirect
   * reaches the handler.
   *
   * @throws OutboundRefusedException when a URL on the way is refused
   * @throws OutboundTimeoutException when the exchange exceeds the total timeout
   * @throws IOException on any other transport failure
   */
  public <T> T get(URI url, HttpClientResponseHandler<? extends T> handler) throws IOException {
    return execute(new HttpGet(url), true, handler);
  }

  /**
   * Sends {@code request} once, without following redirects (a redirect reaches the handler), for
   * requests with a body such as webhook deliveries.
   *
   * @throws OutboundRefusedException when the URL is refused
   * @throws OutboundTimeoutException when the exchange exceeds the total timeout
   * @throws IOException on any other transport failure
   */
  public <T> T send(HttpUriRequestBase request, HttpClientResponseHandler<? extends T> handler)
      throws IOException {
    return execute(request, false, handler);
  }

  private <T> T execute(
      HttpUriRequestBase first,
      boolean followRedirects,
      HttpClientResponseHandler<? extends T> handler)
      throws IOException {
    AtomicBoolean timedOut = new AtomicBoolean();
    AtomicReference<HttpUriRequestBase> current = new AtomicReference<>(first);
    ScheduledFuture<?> deadline =
        timer.schedule(
            () -> {
              timedOut.set(true);
              current.get().cancel();
            },
            totalTimeout.toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      HttpUriRequestBase request = first;
      for (int hop = 0; ; hop++) {
        URI url = uriOf(request);
        policy.checkUrl(url);
        current.set(request);
        if (timedOut.get()) {
          throw timeout();
        }
        try (ClassicHttpResponse response = client.executeOpen(null, request, null)) {
          @Nullable Header location = response.getFirstHeader("Location");
          if (followRedirects && REDIRECTS.contains(response.getCode()) && location != null) {
            EntityUtils.consumeQuietly(response.getEntity());
            if (hop >= maxRedirects) {
              throw new OutboundRefusedException(
                  OutboundRefusedException.Reason.TOO_MANY_REDIRECTS,
                  "more than " + maxRedirects + " redirects, the last to " + url.getHost());
            }
            URI next = resolve(url, location.getValue());
            request = new HttpGet(next);
            continue;
          }
          try {
            return handler.handleResponse(response);
          } catch (HttpException e) {
            throw new IOException(e.getMessage(), e);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      OutboundRefusedException refused = refusedCause(e);
      if (refused != null) {
        throw refused;
      }
      if (timedOut.get()) {
        throw timeout();
      }
      throw e;
    } finally {
      deadline.cancel(false);
    }
  }

  private OutboundTimeoutException timeout() {
    return new OutboundTimeoutException(
        "no complete answer within " + totalTimeout.toMillis() + " ms");
  }

  private static URI uriOf(HttpUriRequestBase request) throws IOException {
    try {
      return request.getUri();
    } catch (URISyntaxException e) {
      throw new OutboundRefusedException(
          OutboundRefusedException.Reason.INVALID_URL, "invalid URL: " + e.getMessage());
    }
  }

  private static URI resolve(URI base, String location) {
    try {
      return base.resolve(new URI(location.trim()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new OutboundRefusedException(
          OutboundRefusedException.Reason.INVALID_URL, "invalid redirect location: " + location);
    }
  }

  private static @Nullable OutboundRefusedException refusedCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof OutboundRefusedException refused) {
        return refused;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
