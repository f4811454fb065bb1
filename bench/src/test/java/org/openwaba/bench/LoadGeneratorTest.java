package org.openwaba.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end against an in-process stand-in server: every 10th send answers 429, every 7th response
 * closes its connection, /v2/me answers chunked.
 */
class LoadGeneratorTest {
  static {
    System.setProperty("sun.net.httpserver.nodelay", "true"); // avoid 40 ms Nagle stalls
  }

  private HttpServer server;
  private ExecutorService pool;
  private final Set<String> ids = ConcurrentHashMap.newKeySet();
  private final Set<String> bodiesSeen = ConcurrentHashMap.newKeySet();
  private final AtomicLong sends = new AtomicLong();
  private final AtomicLong responses = new AtomicLong();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    pool = Executors.newFixedThreadPool(4);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    pool.shutdownNow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      byte[] in = ex.getRequestBody().readAllBytes();
      if (responses.incrementAndGet() % 7 == 0) {
        ex.getResponseHeaders().set("Connection", "close");
      }
      if (!"Bearer t".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        reply(ex, 401, "{}", false);
        return;
      }
      String path = ex.getRequestURI().getPath();
      if (path.equals("/base/v2/send-message") && ex.getRequestMethod().equals("POST")) {
        String body = new String(in, StandardCharsets.UTF_8);
        if (!"application/json".equals(ex.getRequestHeaders().getFirst("Content-Type"))
            || !body.matches(
                "\\{\"phone_number\":\"\\+141555500[0-4][0-9]\",\"message\":\"Load test message"
                    + " [0-9]+ \\*bold\\*\"}")) {
          reply(ex, 400, "{\"status\":\"error\"}", false);
          return;
        }
        bodiesSeen.add(body.substring(17, 29));
        long k = sends.incrementAndGet();
        if (k % 10 == 0) {
          reply(ex, 429, "{\"error\":\"slow down\"}", false);
          return;
        }
        String id = "wamid.T" + k + "/=";
        ids.add(id);
        reply(ex, 200, "{\"status\":\"success\",\"message_id\":\"" + id + "\"}", false);
      } else if (path.equals("/base/v2/me")) {
        reply(ex, 200, "{\"id\":\"acct\"}", true);
      } else if (path.equals("/base/v2/message-status")) {
        String q = ex.getRequestURI().getQuery(); // decoded
        boolean known = q != null && q.startsWith("message_id=") && ids.contains(q.substring(11));
        reply(ex, known ? 200 : 404, "{}", false);
      } else {
        reply(ex, 404, "{}", false);
      }
    }
  }

  private static void reply(HttpExchange ex, int status, String body, boolean chunked)
      throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, chunked ? 0 : b.length);
    ex.getResponseBody().write(b);
  }

  private String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/base/";
  }

  @Test
  void drivesBothPhasesCountsErrorsAndVerifiesIds() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        LoadGenerator.run(
            new String[] {
              "--base-url",
              baseUrl(),
              "--connections",
              "4",
              "--duration",
              "1",
              "--warmup",
              "0",
              "--recipients",
              "50",
              "--verify-status",
              "20",
              "--json"
            },
            Map.of("OPENWABA_TOKEN", "t"),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, text + err);
    String[] lines = text.split("\n");
    Map<String, Object> r = MiniJson.object(lines[lines.length - 1]);

    @SuppressWarnings("unchecked")
    Map<String, Object> send = (Map<String, Object>) r.get("send");
    double ok = (Double) send.get("ok");
    double limited = (Double) send.get("rate_limited");
    assertTrue(ok > 50, "too few accepted sends: " + send);
    assertTrue(limited > 0, "429s must be counted separately: " + send);
    assertEquals(0.0, send.get("http_errors"), "bad request bodies? " + send);
    assertEquals(0.0, send.get("transport_errors"), send.toString());
    assertEquals(0.0, send.get("unexpected_body"), send.toString());
    assertEquals(send.get("responses"), ok + limited);
    assertTrue(
        (Double) send.get("connections_opened") > 4, "Connection: close must trigger reconnects");
    assertEquals(50, bodiesSeen.size(), "every recipient should have been used");

    @SuppressWarnings("unchecked")
    Map<String, Object> verify = (Map<String, Object>) r.get("verify_status");
    assertEquals(20.0, verify.get("checked"));
    assertEquals(20.0, verify.get("ok_200"));

    @SuppressWarnings("unchecked")
    Map<String, Object> me = (Map<String, Object>) r.get("me");
    assertTrue((Double) me.get("ok") > 50, me.toString());
    assertEquals(me.get("ok"), me.get("responses"));
    assertTrue(text.contains("Phase 2  GET /v2/me"));
    assertEquals(
        Runtime.getRuntime().availableProcessors(),
        ((Double) r.get("available_processors")).intValue());
  }

  @Test
  void wrongTokenGivesHttpErrorsAndExitStatusOne() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        LoadGenerator.run(
            new String[] {
              "--base-url",
              baseUrl(),
              "--token",
              "wrong",
              "--connections",
              "2",
              "--duration",
              "1",
              "--warmup",
              "0",
              "--json"
            },
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertEquals(1, exit);
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    @SuppressWarnings("unchecked")
    Map<String, Object> send =
        (Map<String, Object>) MiniJson.object(lines[lines.length - 1]).get("send");
    assertEquals(0.0, send.get("ok"));
    assertTrue((Double) send.get("http_errors") > 0);
    assertTrue(((Map<?, ?>) send.get("status_counts")).containsKey("401"));
  }

  @Test
  void badArgumentsExitTwoWithTheReasonAndHelpExitsZero() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(2, LoadGenerator.run(new String[] {"--connections", "0"}, Map.of(), o, e));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .startsWith("openwaba-bench: --connections must be between 1 and 10000, got 0"));
    assertEquals(0, LoadGenerator.run(new String[] {"--help"}, Map.of(), o, e));
    assertTrue(
        out.toString(StandardCharsets.UTF_8).startsWith("Usage: java -jar openwaba-bench.jar"));
  }
}
