package org.openwaba.media.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openwaba.media.MediaKind;
import org.openwaba.media.MediaRejectedException;
import org.openwaba.media.MediaRejectedException.Reason;
import org.openwaba.media.SampleFiles;
import org.openwaba.media.config.MediaProperties;
import org.openwaba.media.store.MediaStaging;
import org.openwaba.media.store.StagedFile;
import org.openwaba.platform.outbound.AddressPolicy;
import org.openwaba.platform.outbound.OutboundHttpClients;

/**
 * The downloader against a real HTTP server on loopback. The host name {@code localhost} is allowed
 * (as an operator would for development) and plain http with it; the address 127.0.0.1 itself is
 * not, so a redirect to it stands for a redirect to any blocked address.
 */
class MediaDownloaderTests {

  private static final int IMAGE_LIMIT = (int) MediaKind.IMAGE.maxBytes();

  @TempDir Path storage;

  private HttpServer server;
  private int port;
  private MediaDownloader downloader;
  private final AtomicLong bytesServed = new AtomicLong();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.createContext("/ok.png", exchange -> send(exchange, SampleFiles.png(8, 8), -1));
    server.createContext(
        "/last-allowed.png", exchange -> send(exchange, SampleFiles.pngOfSize(IMAGE_LIMIT), -1));
    server.createContext(
        "/one-over.png", exchange -> send(exchange, SampleFiles.pngOfSize(IMAGE_LIMIT + 1), -1));
    server.createContext(
        "/one-over-chunked.png",
        exchange -> send(exchange, SampleFiles.pngOfSize(IMAGE_LIMIT + 1), 0));
    server.createContext("/huge", this::endless);
    server.createContext(
        "/short.png",
        exchange -> {
          byte[] png = SampleFiles.png(8, 8);
          exchange.sendResponseHeaders(200, png.length + 100);
          exchange.getResponseBody().write(png);
          exchange.getResponseBody().flush();
          exchange.close();
        });
    server.createContext(
        "/slow.png",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 200; i++) {
              out.write(0x89);
              out.flush();
              Thread.sleep(50);
            }
          } catch (IOException | InterruptedException e) {
            // the client gave up, as it should
          }
        });
    server.createContext(
        "/missing.png",
        exchange -> {
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    server.createContext(
        "/to-blocked", exchange -> redirect(exchange, "http://127.0.0.1:" + port + "/ok.png"));
    server.createContext(
        "/hops/",
        exchange -> {
          int left = Integer.parseInt(exchange.getRequestURI().getPath().substring(6));
          redirect(exchange, left == 0 ? "/ok.png" : "/hops/" + (left - 1));
        });
    server.start();
    port = server.getAddress().getPort();
    MediaProperties properties =
        new MediaProperties(
            storage,
            Duration.ofDays(30),
            Duration.ofHours(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            3);
    downloader =
        new MediaDownloader(
            OutboundHttpClients.withPolicy(new AddressPolicy(List.of("localhost"), true)),
            new MediaStaging(properties),
            properties);
  }

  @AfterEach
  void stop() throws IOException {
    downloader.destroy();
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private void send(HttpExchange exchange, byte[] body, long declared) throws IOException {
    exchange.sendResponseHeaders(200, declared < 0 ? body.length : declared);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
      bytesServed.addAndGet(body.length);
    } catch (IOException e) {
      // the client stopped reading
    }
  }

  private void endless(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = new byte[64 * 1024];
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < 16 * 1024; i++) {
        out.write(chunk);
        bytesServed.addAndGet(chunk.length);
      }
    } catch (IOException e) {
      // the client hung up once past the limit
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().add("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  private static Reason reasonOf(Runnable download) {
    try {
      download.run();
    } catch (MediaRejectedException e) {
      return e.reason();
    }
    throw new AssertionError("the download was not refused");
  }

  @Test
  void downloadsAFileIntoAStagedFileWithItsHash() throws IOException {
    try (StagedFile staged = downloader.download(url("/ok.png"), MediaKind.IMAGE)) {
      assertThat(Files.readAllBytes(staged.path())).isEqualTo(SampleFiles.png(8, 8));
      assertThat(staged.sha256()).hasSize(64);
    }
  }

  @Test
  void acceptsTheLastAllowedSize() throws IOException {
    try (StagedFile staged = downloader.download(url("/last-allowed.png"), MediaKind.IMAGE)) {
      assertThat(staged.size()).isEqualTo(IMAGE_LIMIT);
    }
  }

  @Test
  void refusesOneByteOverTheLimitByItsContentLength() {
    assertThatThrownBy(() -> downloader.download(url("/one-over.png"), MediaKind.IMAGE))
        .isInstanceOfSatisfying(
            MediaRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
              assertThat(e.details()).contains("5000001 bytes").contains("5,000,000");
            });
  }

  @Test
  void refusesOneByteOverTheLimitWhenNoLengthIsAnnounced() {
    assertThat(reasonOf(() -> downloader.download(url("/one-over-chunked.png"), MediaKind.IMAGE)))
        .isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void stopsReadingAnEndlessBodyJustPastTheLimit() {
    assertThat(reasonOf(() -> downloader.download(url("/huge"), MediaKind.STICKER)))
        .isEqualTo(Reason.TOO_LARGE);
    // The server managed to write at most what fits in the socket buffers beyond the limit.
    assertThat(bytesServed.get()).isLessThan(64L * 1024 * 1024);
    assertThat(storage.resolve("tmp")).isEmptyDirectory();
  }

  @Test
  void refusesABodyShorterThanItsContentLength() {
    assertThatThrownBy(() -> downloader.download(url("/short.png"), MediaKind.IMAGE))
        .isInstanceOfSatisfying(
            MediaRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
              assertThat(e.details()).contains("before sending the whole file");
            });
  }

  @Test
  void givesUpOnASlowDripServerAtTheTotalTimeout() {
    long started = System.nanoTime();
    assertThatThrownBy(() -> downloader.download(url("/slow.png"), MediaKind.IMAGE))
        .isInstanceOfSatisfying(
            MediaRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.TIMED_OUT);
              assertThat(e.details()).contains("timed out");
            });
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
  }

  @Test
  void refusesAHostThatDoesNotResolve() {
    assertThatThrownBy(
            () ->
                downloader.download(
                    URI.create("https://no-such-host.invalid/a.png"), MediaKind.IMAGE))
        .isInstanceOfSatisfying(
            MediaRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE);
              assertThat(e.details()).contains("no-such-host.invalid");
            });
  }

  @Test
  void refusesARedirectToABlockedAddress() {
    assertThatThrownBy(() -> downloader.download(url("/to-blocked"), MediaKind.IMAGE))
        .isInstanceOfSatisfying(
            MediaRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.REFUSED);
              assertThat(e.details()).contains("127.0.0.1").contains("loopback");
            });
  }

  @Test
  void followsThreeRedirectsButNotFour() throws IOException {
    try (StagedFile staged = downloader.download(url("/hops/2"), MediaKind.IMAGE)) {
      assertThat(staged.size()).isPositive();
    }
    assertThatThrownBy(() -> downloader.download(url("/hops/3"), MediaKind.IMAGE))
        .isInstanceOfSatisfying(
            MediaRejectedException.class,
            e -> assertThat(e.details()).contains("more than 3 redirects"));
  }

  @Test
  void refusesAnErrorStatusNamingIt() {
    assertThatThrownBy(() -> downloader.download(url("/missing.png"), MediaKind.IMAGE))
        .isInstanceOfSatisfying(
            MediaRejectedException.class, e -> assertThat(e.details()).contains("HTTP 404"));
  }

  @Test
  void refusesPlainHttpUnlessTheOperatorAllowsIt() throws IOException {
    MediaProperties properties =
        new MediaProperties(
            storage,
            Duration.ofDays(30),
            Duration.ofHours(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            3);
    MediaDownloader strict =
        new MediaDownloader(
            OutboundHttpClients.withPolicy(new AddressPolicy(List.of("localhost"), false)),
            new MediaStaging(properties),
            properties);
    try {
      assertThatThrownBy(() -> strict.download(url("/ok.png"), MediaKind.IMAGE))
          .isInstanceOfSatisfying(
              MediaRejectedException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.REFUSED);
                assertThat(e.details()).containsIgnoringCase("https");
              });
    } finally {
      strict.destroy();
    }
  }
}
