package org.openwaba.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.PlatformProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Builds {@link OutboundClient}s that apply the configured {@link AddressPolicy} to every URL and
 * to the address each connection is actually opened to. No proxy is used (a proxy would connect on
 * the client's behalf and bypass the check), nor cookies, nor automatic retries.
 */
@Component
public class OutboundHttpClients implements DisposableBean {

  private final AddressPolicy policy;
  private final @Nullable SSLContext tls;
  private final ScheduledExecutorService timer;

  @Autowired
  public OutboundHttpClients(PlatformProperties properties) {
    this(
        new AddressPolicy(properties.outbound().allowedHosts(), properties.outbound().allowHttp()),
        properties.outbound().trustedCertificates() == null
            ? null
            : TrustedCertificates.context(properties.outbound().trustedCertificates()));
  }

  /** A factory applying {@code policy}, for tests and tools. */
  public static OutboundHttpClients withPolicy(AddressPolicy policy) {
    return new OutboundHttpClients(policy, null);
  }

  private OutboundHttpClients(AddressPolicy policy, @Nullable SSLContext tls) {
    this.policy = policy;
    this.tls = tls;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "outbound-timeout");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** The policy the clients apply. */
  public AddressPolicy policy() {
    return policy;
  }

  /**
   * A new client.
   *
   * @param maxRedirects redirects followed by {@link OutboundClient#get}, each re-checked
   * @param connectTimeout the longest wait for a TCP (and TLS) connection
   * @param totalTimeout the longest a whole exchange may take, body included
   */
  public OutboundClient create(int maxRedirects, Duration connectTimeout, Duration totalTimeout) {
    return create(maxRedirects, connectTimeout, totalTimeout, 5);
  }

  /**
   * A new client that keeps up to {@code connectionsPerHost} connections open to each host, for
   * callers that send many requests to one host at once (webhook deliveries).
   */
  public OutboundClient create(
      int maxRedirects, Duration connectTimeout, Duration totalTimeout, int connectionsPerHost) {
    if (maxRedirects < 0) {
      throw new IllegalArgumentException("maxRedirects must not be negative");
    }
    Timeout connect = Timeout.of(connectTimeout);
    Timeout total = Timeout.of(totalTimeout);
    PoolingHttpClientConnectionManagerBuilder builder =
        PoolingHttpClientConnectionManagerBuilder.create();
    if (tls != null) {
      builder.setTlsSocketStrategy(
          ClientTlsStrategyBuilder.create().setSslContext(tls).buildClassic());
    }
    PoolingHttpClientConnectionManager connections =
        builder
            .setDnsResolver(new GuardedDnsResolver(policy))
            .setMaxConnPerRoute(connectionsPerHost)
            .setMaxConnTotal(Math.max(25, connectionsPerHost * 16))
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(connect)
                    .setSocketTimeout(total)
                    .build())
            .build();
    CloseableHttpClient client =
        HttpClients.custom()
            .setConnectionManager(connections)
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setRedirectsEnabled(false)
                    .setResponseTimeout(total)
                    .setConnectionRequestTimeout(connect)
                    .build())
            .disableRedirectHandling()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
    return new OutboundClient(client, policy, maxRedirects, totalTimeout, timer);
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }

  /**
   * Resolves host names at connection time and keeps only allowed addresses; when none is left the
   * connection fails with the policy's refusal as the cause.
   */
  static final class GuardedDnsResolver implements DnsResolver {

    private final AddressPolicy policy;

    GuardedDnsResolver(AddressPolicy policy) {
      this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
      try {
        return policy.resolve(host);
      } catch (OutboundRefusedException e) {
        UnknownHostException failure = new UnknownHostException(e.getMessage());
        failure.initCause(e);
        throw failure;
      }
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
      return resolve(host)[0].getCanonicalHostName();
    }
  }
}
