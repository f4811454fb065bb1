package org.openwaba.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A real plain-HTTP media host on loopback serving fixed bodies, reached as {@code localhost}:
 * tests that send media by link allow that host name and plain http, as an operator would for
 * development.
 */
public final class MediaHost implements AutoCloseable {

  private final HttpServer server;

  public MediaHost() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.start();
  }

  /** Serves {@code body} at {@code path} with status 200. */
  public MediaHost serve(String path, byte[] body) {
    server.createContext(
        path,
        exchange -> {
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    return this;
  }

  /** {@code http://localhost:port/path}. */
  public String link(String path) {
    return "http://localhost:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
