package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.TOKEN;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.openwaba.media.SampleFiles;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.openwaba.testing.HttpsHost;
import org.openwaba.testing.SqliteTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Media fetched over real https from a host on loopback whose certificate is self-signed: fetched
 * when the operator trusts that certificate ({@code openwaba.platform.outbound
 * .trusted-certificates}), refused with 131053 naming the TLS failure when not. Plain http stays
 * refused in both.
 */
class HttpsMediaHostHttpTests {

  abstract static class WithHost {

    @LocalServerPort int port;
    ApiClient api;
    HttpsHost host;

    @BeforeEach
    void start() throws Exception {
      api = new ApiClient(port);
      host = new HttpsHost().serve("/photo.jpg", SampleFiles.jpeg(64, 48));
    }

    @AfterEach
    void stop() {
      host.close();
    }

    Response sendPhoto(String to) {
      return api.postJson(
          "/v2/send-media",
          TOKEN,
          ApiClient.json(
              Map.of(
                  "phone_number", to, "media_type", "image", "media_url", host.url("/photo.jpg"))));
    }
  }

  @Nested
  @SqliteTest
  @TestPropertySource(
      properties = {
        "openwaba.platform.outbound.allowed-hosts=localhost",
        "openwaba.platform.outbound.trusted-certificates=classpath:tls/localhost.crt"
      })
  class TrustedCertificate extends WithHost {

    @Test
    void fetchesMediaOverHttpsFromAHostTheOperatorTrusts() {
      Response response = sendPhoto("+14155550401");

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.json().get("media_id").asString()).isNotBlank();
    }

    @Test
    void stillRefusesPlainHttp() {
      Response response =
          api.postJson(
              "/v2/send-media",
              TOKEN,
              ApiClient.json(
                  Map.of(
                      "phone_number", "+14155550401",
                      "media_type", "image",
                      "media_url", host.url("/photo.jpg").replace("https:", "http:"))));

      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.json().get("details").asString()).contains("https");
    }
  }

  @Nested
  @SqliteTest
  @TestPropertySource(properties = "openwaba.platform.outbound.allowed-hosts=localhost")
  class UntrustedCertificate extends WithHost {

    @Test
    void refusesAHostWhoseCertificateIsNotTrusted() {
      Response response = sendPhoto("+14155550402");

      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.json().get("error_code").asInt()).isEqualTo(131053);
      assertThat(response.json().get("details").asString())
          .contains("could not be fetched from localhost: the TLS handshake failed");
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("sun.");
    }
  }
}
