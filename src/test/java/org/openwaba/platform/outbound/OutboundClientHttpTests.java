package org.openwaba.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The guarded client against real HTTP servers on loopback. */
class OutboundClientHttpTests {

  private HttpServer server;
  private final AtomicInteger targetHits = new AtomicInteger();
  private int port;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext(
        "/target",
        exchange -> {
          targetHits.incrementAndGet();
          byte[] body = "secret".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext(
        "/to-loopback",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/target");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/loop",
        exchange -> {
          exchange.getResponseHeaders().add("Location", "/loop");
          exchange.sendResponseHeaders(301, -1);
          exchange.close();
        });
    server.createContext(
        "/hops/",
        exchange -> {
          int left = Integer.parseInt(exchange.getRequestURI().getPath().substring(6));
          exchange
              .getResponseHeaders()
              .add("Location", left == 0 ? "/target" : "/hops/" + (left - 1));
          exchange.sendResponseHeaders(307, -1);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100; i++) {
              out.write('x');
              out.flush();
              Thread.sleep(100);
            }
          } catch (Exception e) {
            // the client went away
          }
        });
    server.start();
    port = server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private OutboundClient client(List<String> allowed, int maxRedirects, Duration total) {
    return OutboundHttpClients.withPolicy(new AddressPolicy(allowed, true))
        .create(maxRedirects, Duration.ofSeconds(2), total);
  }

  private String get(OutboundClient client, String url) throws Exception {
    return client.get(URI.create(url), response -> EntityUtils.toString(response.getEntity()));
  }

  @Test
  void refusesLoopbackByDefault() throws Exception {
    try (OutboundClient client = client(List.of(), 3, Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> get(client, "http://127.0.0.1:" + port + "/target"))
          .isInstanceOfSatisfying(
              OutboundRefusedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(OutboundRefusedException.Reason.REFUSED_ADDRESS);
                assertThat(e.getMessage()).contains("127.0.0.1").contains("loopback");
              });
      assertThatThrownBy(() -> get(client, "http://2130706433:" + port + "/target"))
          .isInstanceOf(OutboundRefusedException.class)
          .hasMessageContaining("loopback");
    }
    assertThat(targetHits).hasValue(0);
  }

  @Test
  void refusesARedirectToARefusedAddress() throws Exception {
    try (OutboundClient client = client(List.of("localhost"), 3, Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> get(client, "http://localhost:" + port + "/to-loopback"))
          .isInstanceOfSatisfying(
              OutboundRefusedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(OutboundRefusedException.Reason.REFUSED_ADDRESS);
                assertThat(e.getMessage()).contains("127.0.0.1");
              });
    }
    assertThat(targetHits).hasValue(0);
  }

  @Test
  void refusesARedirectToPlainHttpWhenHttpIsNotAllowed() throws Exception {
    OutboundClient client =
        OutboundHttpClients.withPolicy(new AddressPolicy(List.of("127.0.0.0/8"), false))
            .create(3, Duration.ofSeconds(2), Duration.ofSeconds(5));
    try (client) {
      assertThatThrownBy(() -> get(client, "http://127.0.0.1:" + port + "/target"))
          .isInstanceOfSatisfying(
              OutboundRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(OutboundRefusedException.Reason.PLAIN_HTTP));
    }
    assertThat(targetHits).hasValue(0);
  }

  @Test
  void followsRedirectsToAllowedAddressesWhenConfigured() throws Exception {
    try (OutboundClient client = client(List.of("127.0.0.0/8"), 3, Duration.ofSeconds(5))) {
      assertThat(get(client, "http://127.0.0.1:" + port + "/to-loopback")).isEqualTo("secret");
      assertThat(get(client, "http://127.0.0.1:" + port + "/hops/2")).isEqualTo("secret");
    }
  }

  @Test
  void refusesMoreRedirectsThanAllowed() throws Exception {
    try (OutboundClient client = client(List.of("127.0.0.0/8"), 3, Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> get(client, "http://127.0.0.1:" + port + "/hops/3"))
          .isInstanceOfSatisfying(
              OutboundRefusedException.class,
              e ->
                  assertThat(e.reason())
                      .isEqualTo(OutboundRefusedException.Reason.TOO_MANY_REDIRECTS));
      assertThatThrownBy(() -> get(client, "http://127.0.0.1:" + port + "/loop"))
          .isInstanceOf(OutboundRefusedException.class)
          .hasMessageContaining("more than 3 redirects");
    }
  }

  @Test
  void refusesUnresolvableHosts() throws Exception {
    try (OutboundClient client = client(List.of(), 3, Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> get(client, "https://no-such-host.invalid/media.jpg"))
          .isInstanceOfSatisfying(
              OutboundRefusedException.class,
              e ->
                  assertThat(e.reason())
                      .isEqualTo(OutboundRefusedException.Reason.UNRESOLVABLE_HOST));
    }
  }

  @Test
  void abortsASlowDripAfterTheTotalTimeout() throws Exception {
    try (OutboundClient client = client(List.of("127.0.0.0/8"), 3, Duration.ofMillis(700))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> get(client, "http://127.0.0.1:" + port + "/slow"))
          .isInstanceOf(OutboundTimeoutException.class)
          .hasMessageContaining("700 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void checksTheAddressActuallyConnectedTo() throws Exception {
    // The connection-time resolver refuses on its own, without the URL pre-check.
    OutboundHttpClients.GuardedDnsResolver resolver =
        new OutboundHttpClients.GuardedDnsResolver(AddressPolicy.strict());
    assertThatThrownBy(() -> resolver.resolve("127.0.0.1"))
        .isInstanceOf(java.net.UnknownHostException.class)
        .hasCauseInstanceOf(OutboundRefusedException.class);
    assertThat(
            new OutboundHttpClients.GuardedDnsResolver(
                    new AddressPolicy(List.of("127.0.0.1"), true))
                .resolve("127.0.0.1"))
        .containsExactly(InetAddress.getByName("127.0.0.1"));
  }
}
