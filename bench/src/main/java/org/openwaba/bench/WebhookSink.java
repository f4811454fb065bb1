package org.openwaba.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Recorder;

/**
 * A fast webhook receiver for benchmarks, run beside the load generator. It registers itself with
 * the server ({@code POST /v2/webhooks}, for {@code message_status}), answers every POST with 200
 * at once, and reports per second the status events it received and, for {@code read} statuses, the
 * time from the message's acceptance to the event's arrival. The acceptance time is read from the
 * message id: OpenWABA's ids start with the server's clock in milliseconds when it accepted the
 * send, and the server and this receiver share the machine's clock.
 *
 * <p>{@code --hold-until S} measures how fast the webhook path drains a backlog: every POST that
 * arrives in the first S seconds is held until then (run the server with a request timeout longer
 * than S, or held POSTs fail and go to the retry table), so the events of the sends meanwhile stay
 * in the server's store. After S the sink answers at once and reports the rate at which the backlog
 * arrived, from the release to the last second that brought events.
 *
 * <p>{@code --serve-after S} keeps answering for S seconds after the measured window, so that what
 * the server still holds reaches the sink and its backlog gauge can be seen to return to zero.
 *
 * <p>{@code --dead} also registers a second endpoint that passes the handshake and then never
 * answers a POST (each one waits for the server's request timeout), to measure what a dead
 * endpoint's backlog costs the others.
 *
 * <pre>
 * java -cp openwaba-bench.jar org.openwaba.bench.WebhookSink --token T --warmup 60 --duration 30
 *     [--base-url http://127.0.0.1:8080] [--per-post 1] [--dead] [--hold-until S]
 *     [--serve-after S]
 * </pre>
 */
public final class WebhookSink {

  private static final Pattern STATUS =
      Pattern.compile("\"id\":\"wamid\\.([A-Za-z0-9_-]{8})[^\"]*\",\"status\":\"([a-z]+)\"");

  private final AtomicLong events = new AtomicLong();
  private final AtomicLong reads = new AtomicLong();
  private final AtomicLong posts = new AtomicLong();
  private final Recorder readLatency = new Recorder(3_600_000L, 3);
  private volatile boolean holding;
  private volatile long holdUntilNanos;

  private WebhookSink() {}

  public static void main(String[] args) throws Exception {
    String baseUrl = "http://127.0.0.1:8080";
    String token = null;
    int perPost = 1;
    int warmup = 60;
    int duration = 30;
    boolean dead = false;
    int holdUntil = 0;
    int serveAfter = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--base-url" -> baseUrl = args[++i];
        case "--token" -> token = args[++i];
        case "--per-post" -> perPost = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--duration" -> duration = Integer.parseInt(args[++i]);
        case "--dead" -> dead = true;
        case "--hold-until" -> holdUntil = Integer.parseInt(args[++i]);
        case "--serve-after" -> serveAfter = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (token == null) {
      throw new IllegalArgumentException("--token is required");
    }
    new WebhookSink().run(baseUrl, token, perPost, warmup, duration, dead, holdUntil, serveAfter);
  }

  private void run(
      String baseUrl,
      String token,
      int perPost,
      int warmup,
      int duration,
      boolean dead,
      int holdUntil,
      int serveAfter)
      throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(64);
    HttpServer fast = server(threads, this::receive);
    String fastId = register(baseUrl, token, url(fast), perPost);
    HttpServer blackHole = null;
    String deadId = null;
    ExecutorService deadThreads = Executors.newCachedThreadPool();
    if (dead) {
      // Its own threads: requests it holds must not take the fast endpoint's.
      blackHole = server(deadThreads, WebhookSink::neverAnswer);
      deadId = register(baseUrl, token, url(blackHole), perPost);
    }
    log("registered %s (fast)%s", fastId, dead ? " and " + deadId + " (dead)" : "");
    long start = System.nanoTime();
    Drain drain = null;
    if (holdUntil > 0) {
      holdUntilNanos = start + TimeUnit.SECONDS.toNanos(holdUntil);
      holding = true;
      drain = new Drain(holdUntilNanos);
    }
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
    long end = measureFrom + TimeUnit.SECONDS.toNanos(duration);
    long eventsAtMeasure = 0;
    long postsAtMeasure = 0;
    readLatency.getIntervalHistogram();
    org.HdrHistogram.Histogram measured = null;
    long lastEvents = 0;
    while (System.nanoTime() < end) {
      Thread.sleep(1000);
      long now = System.nanoTime();
      long total = events.get();
      log(
          "%3d s: %,d events/s, %,d read so far",
          TimeUnit.NANOSECONDS.toSeconds(now - start), total - lastEvents, reads.get());
      if (drain != null) {
        drain.second(now, total, total - lastEvents);
      }
      lastEvents = total;
      if (measured == null && now >= measureFrom) {
        eventsAtMeasure = total;
        postsAtMeasure = posts.get();
        readLatency.getIntervalHistogram();
        measured = new org.HdrHistogram.Histogram(3_600_000L, 3);
      }
    }
    if (measured == null) {
      throw new IllegalStateException("no measured window");
    }
    measured.add(readLatency.getIntervalHistogram());
    double seconds = duration;
    log(
        "RESULT events/s %.0f, posts/s %.0f, send-to-read-webhook p50 %d ms, p99 %d ms,"
            + " max %d ms (%d reads)",
        (events.get() - eventsAtMeasure) / seconds,
        (posts.get() - postsAtMeasure) / seconds,
        measured.getValueAtPercentile(50),
        measured.getValueAtPercentile(99),
        measured.getMaxValue(),
        measured.getTotalCount());
    if (drain != null) {
      log("%s", drain.result());
    }
    if (serveAfter > 0) {
      long before = events.get();
      Thread.sleep(TimeUnit.SECONDS.toMillis(serveAfter));
      log("%,d events after the measured window", events.get() - before);
    }
    fast.stop(0);
    if (blackHole != null) {
      blackHole.stop(0);
    }
    threads.shutdownNow();
    deadThreads.shutdownNow();
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (exchange.getRequestMethod().equals("GET")) {
        answerChallenge(exchange);
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      holdIfAsked();
      long arrived = System.currentTimeMillis();
      posts.incrementAndGet();
      Matcher m = STATUS.matcher(new String(body, StandardCharsets.US_ASCII));
      while (m.find()) {
        events.incrementAndGet();
        if (m.group(2).equals("read")) {
          reads.incrementAndGet();
          long accepted = acceptedAt(m.group(1));
          readLatency.recordValue(Math.max(0, Math.min(arrived - accepted, 3_600_000L)));
        }
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private void holdIfAsked() {
    if (!holding) {
      return;
    }
    long wait = holdUntilNanos - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The rate at which a held-back backlog arrives: events from the release to the end of the last
   * second that brought any, over that time.
   */
  static final class Drain {
    private final long releasedNanos;
    private long eventsAtRelease = -1;
    private long lastBusyNanos;
    private long eventsAtLastBusy;

    Drain(long releasedNanos) {
      this.releasedNanos = releasedNanos;
    }

    /** One second's tick: the time, the events received in all, and in this second. */
    void second(long nowNanos, long totalEvents, long eventsThisSecond) {
      if (nowNanos < releasedNanos) {
        return;
      }
      if (eventsAtRelease < 0) {
        // The first tick after the release: what arrived since then is already part of the drain,
        // so count from the total before this second.
        eventsAtRelease = totalEvents - eventsThisSecond;
      }
      if (eventsThisSecond > 0) {
        lastBusyNanos = nowNanos;
        eventsAtLastBusy = totalEvents;
      }
    }

    String result() {
      if (eventsAtRelease < 0 || lastBusyNanos == 0) {
        return "DRAIN no events arrived after the release";
      }
      double seconds = Math.max(1e-3, (lastBusyNanos - releasedNanos) / 1e9);
      long drained = eventsAtLastBusy - eventsAtRelease;
      return String.format(
          Locale.ROOT,
          "DRAIN events/s %.0f (%d events in %.1f s after the release)",
          drained / seconds,
          drained,
          seconds);
    }
  }

  private static void neverAnswer(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("GET")) {
      try (exchange) {
        answerChallenge(exchange);
      }
      return;
    }
    // Hold the request until the server gives up on it.
    try {
      Thread.sleep(Duration.ofMinutes(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      exchange.close();
    }
  }

  private static void answerChallenge(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String challenge = query.replaceAll(".*hub\\.challenge=([^&]*).*", "$1");
    byte[] bytes = challenge.getBytes(StandardCharsets.US_ASCII);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** The millisecond timestamp in the first six bytes of an OpenWABA message id. */
  static long acceptedAt(String firstEightChars) {
    byte[] bytes = Base64.getUrlDecoder().decode(firstEightChars);
    long millis = 0;
    for (int i = 0; i < 6; i++) {
      millis = (millis << 8) | (bytes[i] & 0xFF);
    }
    return millis;
  }

  private static HttpServer server(
      ExecutorService threads, com.sun.net.httpserver.HttpHandler handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    server.setExecutor(threads);
    server.createContext("/", handler);
    server.start();
    return server;
  }

  private static String url(HttpServer server) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  private static String register(String baseUrl, String token, String url, int perPost)
      throws IOException, InterruptedException {
    String body =
        String.format(
            Locale.ROOT,
            "{\"url\":\"%s\",\"verify_token\":\"bench\",\"events\":[\"message_status\"],"
                + "\"max_events_per_post\":%d}",
            url,
            perPost);
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/v2/webhooks"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 201) {
      throw new IllegalStateException("registration refused: " + answer.body());
    }
    return answer.body().replaceAll(".*\"id\":\"([0-9]+)\".*", "$1");
  }

  private static void log(String format, Object... args) {
    System.out.println("[webhook-sink] " + String.format(Locale.ROOT, format, args));
    System.out.flush();
  }
}
