package org.openwaba.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.SqliteDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The server speaks TLS when given a PEM certificate and key, as docs/configuration.md shows. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.ssl.certificate=classpath:tls/localhost.crt",
      "server.ssl.certificate-private-key=classpath:tls/localhost.key"
    })
@ContextConfiguration(initializers = SqliteDatabaseInitializer.class)
@ActiveProfiles("test")
class TlsHttpTests {

  @LocalServerPort int port;

  @Test
  void servesTheApiOverHttpsWithAPemCertificate() throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trusting("tls/localhost.crt"))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/v2/send-message"))
                .header("Authorization", "Bearer " + ApiClient.TOKEN)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"phone_number\":\"+14155552671\",\"message\":\"over TLS\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"success\"");
  }

  @Test
  void refusesPlainHttpOnTheTlsPort() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    assertThatThrownBy(
            () -> {
              HttpResponse<String> response =
                  client.send(
                      HttpRequest.newBuilder(
                              URI.create("http://localhost:" + port + "/actuator/health"))
                          .timeout(Duration.ofSeconds(5))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              if (response.statusCode() == 200) {
                throw new AssertionError("plain HTTP was answered with 200");
              }
              throw new IOException("refused with " + response.statusCode());
            })
        .isInstanceOf(IOException.class);
  }

  private static SSLContext trusting(String certificate) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = TlsHttpTests.class.getClassLoader().getResourceAsStream(certificate)) {
      X509Certificate cert =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      trust.setCertificateEntry("localhost", cert);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }
}
