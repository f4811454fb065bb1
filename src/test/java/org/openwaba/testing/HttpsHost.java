package org.openwaba.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A real HTTPS server on loopback serving fixed bodies, with the test certificate {@code
 * tls/localhost.crt} (for {@code localhost} and 127.0.0.1, self-signed): a media host that only a
 * server trusting that certificate can fetch from.
 */
public final class HttpsHost implements AutoCloseable {

  private final HttpsServer server;

  public HttpsHost() throws Exception {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls()));
    server.start();
  }

  /** Serves {@code body} at {@code path} with status 200. */
  public HttpsHost serve(String path, byte[] body) {
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

  /** {@code https://localhost:port/path}. */
  public String url(String path) {
    return "https://localhost:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static SSLContext tls() throws Exception {
    Certificate certificate;
    try (InputStream in = resource("tls/localhost.crt")) {
      certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    String pem;
    try (InputStream in = resource("tls/localhost.key")) {
      pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
    byte[] der =
        Base64.getMimeDecoder()
            .decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").strip());
    PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    char[] password = "test".toCharArray();
    store.setKeyEntry("localhost", key, password, new Certificate[] {certificate});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, password);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = HttpsHost.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing test resource " + name);
    }
    return in;
  }
}
