package org.openwaba.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for tests, calling the server over loopback. */
public final class ApiClient {

  /** The bootstrap account's token from application-test.yml. */
  public static final String TOKEN = "owa_test_bootstrap_token_0123456789abcdefghijkl";

  /** The admin key from application-test.yml. */
  public static final String ADMIN_KEY = "test-admin-key-7f3c9a1e5b2d4c8f9e0a";

  /** The bootstrap account's id and its sandbox number, from application-test.yml. */
  public static final String ACCOUNT_ID = "100000000000001";

  public static final String BUSINESS_NUMBER = "+12025550100";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;
  private final HttpClient http;

  public ApiClient(int port) {
    this("http://127.0.0.1:" + port);
  }

  public ApiClient(String baseUrl) {
    this(baseUrl, HTTP);
  }

  /** A client with its own HTTP settings, such as a TLS context trusting a test certificate. */
  public ApiClient(String baseUrl, HttpClient http) {
    this.baseUrl = baseUrl;
    this.http = http;
  }

  /** An answer: status, headers (lower-case names, first value) and body. */
  public record Response(int status, Map<String, String> headers, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public @Nullable String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  public Response postJson(String path, @Nullable String token, String json) {
    return send(
        "POST",
        path,
        token,
        "application/json",
        json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public Response get(String path, @Nullable String token) {
    return send("GET", path, token, null, null);
  }

  public Response delete(String path, @Nullable String token) {
    return send("DELETE", path, token, null, null);
  }

  public Response send(
      String method,
      String path,
      @Nullable String token,
      @Nullable String contentType,
      byte @Nullable [] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return send(method, path, headers, body);
  }

  public Response send(
      String method, String path, Map<String, String> headers, byte @Nullable [] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> answerHeaders = new LinkedHashMap<>();
      response
          .headers()
          .map()
          .forEach((name, values) -> answerHeaders.put(name.toLowerCase(), values.get(0)));
      return new Response(response.statusCode(), answerHeaders, response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
