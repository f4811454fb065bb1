package org.openwaba.bench;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A slot backed by a shared {@link java.net.http.HttpClient} (HTTP/1.1; its pool opens as many
 * connections as there are slots in flight). Allocates per request, as that API requires, so it
 * costs noticeably more CPU than {@link SocketHttpConnection}; use it for https.
 */
final class JdkHttpConnection implements HttpConnection {
  private final HttpClient client;
  private final Target target;
  private final RequestEncoder encoder;
  private final URI sendUri;
  private final Duration timeout;
  private final String authorization;
  private String lastGetPath;
  private HttpRequest lastGet;
  private byte[] body = new byte[0];

  JdkHttpConnection(HttpClient client, Target target, byte[][] phones) {
    this.client = client;
    this.target = target;
    this.encoder = new RequestEncoder(target.hostHeader, target.token, target.sendPath, phones);
    this.sendUri = target.uri(target.sendPath);
    this.timeout = Duration.ofMillis(target.timeoutMillis);
    this.authorization = "Bearer " + target.token;
  }

  static HttpClient newClient(Target target) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofMillis(target.timeoutMillis))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public int sendMessage(long seq) throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(sendUri)
            .timeout(timeout)
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(encoder.body(seq)))
            .build();
    return exchange(req);
  }

  @Override
  public int get(String pathAndQuery) throws IOException {
    if (pathAndQuery != lastGetPath) {
      lastGet =
          HttpRequest.newBuilder(target.uri(pathAndQuery))
              .timeout(timeout)
              .header("Authorization", authorization)
              .header("Accept", "application/json")
              .GET()
              .build();
      lastGetPath = pathAndQuery;
    }
    return exchange(lastGet);
  }

  private int exchange(HttpRequest req) throws IOException {
    try {
      HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
      body = resp.body();
      return resp.statusCode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }

  @Override
  public byte[] body() {
    return body;
  }

  @Override
  public int bodyLength() {
    return body.length;
  }

  @Override
  public int connectionsOpened() {
    return -1;
  }

  @Override
  public void close() {
    // connections belong to the shared client's pool
  }
}
