package org.openwaba.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The socket client against a scripted raw-socket server: keep-alive reuse, reconnect after {@code
 * Connection: close}, retry of a request whose idle connection the server had closed, and no retry
 * when a fresh connection fails.
 */
class SocketHttpConnectionTest {
  /** What the server does with each connection: how many requests it answers, then closes. */
  private ServerSocket server;

  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** Released each time the server has closed a connection. */
  private final Semaphore closedConnections = new Semaphore(0);

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  /**
   * @param answersPerConnection per accepted connection, how many requests to answer before closing
   *     without notice (-1: answer until the client closes)
   * @param announceCloseAfter if > 0, the answer number after which "Connection: close" is sent
   */
  private SocketHttpConnection start(List<Integer> answersPerConnection, int announceCloseAfter)
      throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t =
        new Thread(
            () -> {
              try {
                for (int plan : answersPerConnection) {
                  try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    for (int n = 1; plan < 0 || n <= plan; n++) {
                      String req = readRequest(in);
                      if (req == null) {
                        break;
                      }
                      requests.add(req);
                      boolean close = announceCloseAfter > 0 && n == announceCloseAfter;
                      String body = "{\"status\":\"success\",\"message_id\":\"wamid." + n + "\"}";
                      out.write(
                          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  + (close ? "Connection: close\r\n" : "")
                                  + "Content-Length: "
                                  + body.length()
                                  + "\r\n\r\n"
                                  + body)
                              .getBytes(StandardCharsets.US_ASCII));
                      out.flush();
                      if (close) {
                        break;
                      }
                    }
                  }
                  closedConnections.release();
                }
              } catch (IOException ignored) {
                // test over
              }
            });
    t.setDaemon(true);
    t.start();
    BenchConfig cfg =
        BenchConfig.parse(
            new String[] {
              "--base-url", "http://127.0.0.1:" + server.getLocalPort(), "--timeout", "5"
            },
            Map.of("OPENWABA_TOKEN", "tok"));
    return new SocketHttpConnection(new Target(cfg), Recipients.table(10));
  }

  /** Reads one request (headers plus Content-Length body); null at end of stream. */
  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      byte[] h = head.toByteArray();
      int n = h.length;
      if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
        String s = head.toString(StandardCharsets.US_ASCII);
        int i = s.indexOf("Content-Length: ");
        int len = i < 0 ? 0 : Integer.parseInt(s.substring(i + 16, s.indexOf('\r', i)));
        return s + new String(in.readNBytes(len), StandardCharsets.US_ASCII);
      }
    }
    return null;
  }

  @Test
  void reusesOneKeepAliveConnection() throws IOException {
    try (SocketHttpConnection c = start(List.of(-1), 0)) {
      for (long seq = 0; seq < 5; seq++) {
        assertEquals(200, c.sendMessage(seq));
      }
      assertEquals(200, c.get("/v2/me"));
      assertEquals(1, c.connectionsOpened());
      String body = new String(c.body(), 0, c.bodyLength(), StandardCharsets.US_ASCII);
      assertEquals("{\"status\":\"success\",\"message_id\":\"wamid.6\"}", body);
    }
    assertEquals(6, requests.size());
    assertTrue(requests.get(3).startsWith("POST /v2/send-message HTTP/1.1\r\n"));
    assertTrue(requests.get(3).endsWith("\"message\":\"Load test message 3 *bold*\"}"));
    assertTrue(requests.get(5).startsWith("GET /v2/me HTTP/1.1\r\n"));
    assertTrue(requests.get(5).contains("\r\nAuthorization: Bearer tok\r\n"));
  }

  @Test
  void reconnectsAfterConnectionClose() throws IOException {
    try (SocketHttpConnection c = start(List.of(-1, -1, -1), 2)) {
      for (long seq = 0; seq < 5; seq++) {
        assertEquals(200, c.sendMessage(seq));
      }
      assertEquals(3, c.connectionsOpened());
    }
    assertEquals(5, requests.size());
  }

  @Test
  void retriesOnceWhenTheServerClosedTheIdleConnection() throws Exception {
    try (SocketHttpConnection c = start(List.of(1, -1), 0)) {
      assertEquals(200, c.sendMessage(0));
      assertTrue(closedConnections.tryAcquire(5, TimeUnit.SECONDS), "server closed the socket");
      assertEquals(200, c.sendMessage(1));
      assertEquals(2, c.connectionsOpened());
    }
    assertEquals(2, requests.size(), "each request reached the server exactly once");
  }

  @Test
  void aFreshConnectionClosedWithoutAnswerIsAnError() throws Exception {
    try (SocketHttpConnection c = start(List.of(0, -1), 0)) {
      assertThrows(IOException.class, () -> c.sendMessage(0));
      assertEquals(1, c.connectionsOpened());
      assertEquals(200, c.sendMessage(1)); // next request opens a new connection
      assertEquals(2, c.connectionsOpened());
    }
  }
}
