package org.openwaba.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real webhook endpoint on loopback, written like a business's receiver: answers the handshake
 * with the challenge when the verify token matches (403 otherwise), and records every POST with its
 * exact body bytes and headers. What it answers to a POST can be changed by a test.
 */
public final class WebhookReceiver implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A received request. Header names are lower case. */
  public record Received(
      String method, String query, Map<String, String> headers, byte[] body, boolean chunked) {

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Received> posts = new CopyOnWriteArrayList<>();
  private final List<Received> accepted = new CopyOnWriteArrayList<>();
  private final List<Received> handshakes = new CopyOnWriteArrayList<>();
  private volatile String verifyToken;
  private volatile Function<Received, Integer> answer = post -> 200;
  private volatile Function<String, String> challengeAnswer = challenge -> challenge;
  private volatile Duration delay = Duration.ZERO;

  public WebhookReceiver(String verifyToken) {
    this.verifyToken = verifyToken;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The URL to register, on 127.0.0.1. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Decides the status of each POST from what was received. */
  public WebhookReceiver answering(Function<Received, Integer> answer) {
    this.answer = answer;
    return this;
  }

  /** Changes what the handshake answers with 200 (the challenge, unless changed). */
  public WebhookReceiver answeringChallenge(Function<String, String> challengeAnswer) {
    this.challengeAnswer = challengeAnswer;
    return this;
  }

  public WebhookReceiver delaying(Duration delay) {
    this.delay = delay;
    return this;
  }

  public WebhookReceiver expectingToken(String verifyToken) {
    this.verifyToken = verifyToken;
    return this;
  }

  /** Every POST received, whatever it was answered. */
  public List<Received> posts() {
    return new ArrayList<>(posts);
  }

  /** The POSTs answered with 2xx. */
  public List<Received> accepted() {
    return new ArrayList<>(accepted);
  }

  public List<Received> handshakes() {
    return new ArrayList<>(handshakes);
  }

  /** Every change of every POST accepted so far, in order of arrival. */
  public List<JsonNode> changes() {
    List<JsonNode> changes = new ArrayList<>();
    for (Received post : accepted()) {
      for (JsonNode entry : post.json().get("entry")) {
        for (JsonNode change : entry.get("changes")) {
          changes.add(change);
        }
      }
    }
    return changes;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String query = exchange.getRequestURI().getRawQuery();
      Received received =
          new Received(
              exchange.getRequestMethod(),
              query == null ? "" : query,
              headers,
              body,
              "chunked".equalsIgnoreCase(headers.get("transfer-encoding")));
      if (received.method().equals("GET")) {
        handshakes.add(received);
        Map<String, String> params = params(received.query());
        if ("subscribe".equals(params.get("hub.mode"))
            && verifyToken.equals(params.get("hub.verify_token"))) {
          respond(exchange, 200, challengeAnswer.apply(params.get("hub.challenge")));
        } else {
          respond(exchange, 403, "Forbidden");
        }
        return;
      }
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      posts.add(received);
      int status = answer.apply(received);
      if (status >= 200 && status < 300) {
        accepted.add(received);
      }
      respond(exchange, status, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
