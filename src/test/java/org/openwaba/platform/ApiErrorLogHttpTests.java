package org.openwaba.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.openwaba.testing.SqliteTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every error is one structured log line, and no token or secret ever reaches the log. */
@SqliteTest
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorLogHttpTests {

  @LocalServerPort int port;

  @Test
  void logsOneStructuredLineWithoutTheToken(CapturedOutput output) {
    String leakedToken = "owa_ThisTokenMustNeverBeLogged0123456789abcdef";
    Response response =
        new ApiClient(port)
            .send(
                "POST",
                "/v2/send-message",
                Map.of(
                    "Authorization", "Bearer " + leakedToken,
                    "Content-Type", "application/json",
                    "X-Request-Id", "log-test-1"),
                "{\"phone_number\":\"+14155552671\",\"message\":\"hi\"}".getBytes());

    assertThat(response.status()).isEqualTo(401);
    assertThat(output.getAll())
        .contains(
            "api_error status=401 error_code=131030 method=POST path=/v2/send-message caller=-"
                + " request_id=log-test-1")
        .contains("body=\"{\\\"phone_number\\\":\\\"+14155552671\\\"")
        .doesNotContain(leakedToken)
        .doesNotContain("ThisTokenMustNeverBeLogged");
  }

  @Test
  void logsMetasCodeOnTheCloudDoorWithoutTheToken(CapturedOutput output) {
    String leakedToken = "owa_ThisCloudTokenMustNeverBeLogged0123456789ab";
    Response response =
        new ApiClient(port)
            .send(
                "GET",
                "/v24.0/100000000000002",
                Map.of("Authorization", "Bearer " + leakedToken, "X-Request-Id", "log-test-3"),
                null);

    assertThat(response.status()).isEqualTo(401);
    assertThat(output.getAll())
        .contains(
            "api_error status=401 error_code=190 method=GET path=/v24.0/100000000000002 caller=-"
                + " request_id=log-test-3")
        .doesNotContain("ThisCloudTokenMustNeverBeLogged");
  }

  @Test
  void masksSecretLookingFieldsInTheBodyExcerpt(CapturedOutput output) {
    Response response =
        new ApiClient(port)
            .send(
                "POST",
                "/v2/send-message",
                Map.of(
                    "Authorization", "Bearer " + ApiClient.TOKEN,
                    "Content-Type", "application/json",
                    "X-Request-Id", "log-test-2"),
                ("{\"phone_number\":\"bad\",\"app_secret\":\"s3cr3t-value-x\","
                        + "\"access_token\":\"tok-value-y\","
                        + "\"media_url\":\"https://cdn.example.com/a.jpg?X-Amz-Signature=sig-value-z\"}")
                    .getBytes());

    assertThat(response.status()).isEqualTo(400);
    String line =
        output
            .getAll()
            .lines()
            .filter(l -> l.contains("request_id=log-test-2"))
            .findFirst()
            .orElseThrow();
    assertThat(line)
        .contains("error_code=132000")
        .contains("caller=" + ApiClient.ACCOUNT_ID)
        .contains("app_secret\\\":\\\"***\\\"")
        .doesNotContain("s3cr3t-value-x")
        .doesNotContain("tok-value-y")
        .contains("https://cdn.example.com/a.jpg?***")
        .doesNotContain("sig-value-z")
        .doesNotContain(ApiClient.TOKEN);
  }
}
