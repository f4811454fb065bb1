package org.openwaba.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.SqliteTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Registrations the server refuses before any handshake, with the operator's default settings:
 * plain HTTP and non-public addresses are refused, and every field is checked at its limits.
 */
@SqliteTest
class SqliteWebhookRegistrationRulesHttpTests {

  @LocalServerPort int port;
  WebhookFixtures fx;

  @BeforeEach
  void account() {
    fx = new WebhookFixtures(new ApiClient(port));
  }

  private static Map<String, Object> valid() {
    Map<String, Object> body = new HashMap<>();
    body.put("url", "https://127.0.0.1:9/hook");
    body.put("verify_token", "token");
    body.put("events", List.of("message_status"));
    return body;
  }

  private void assertRefused(Map<String, Object> body, int status, int code, String details) {
    var answer = fx.register(body);
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.json().get("error_code").asInt()).isEqualTo(code);
    assertThat(answer.json().get("details").asString()).contains(details);
    assertThat(answer.body()).doesNotContain("Exception");
    assertThat(fx.get("/v2/webhooks").get("webhooks")).isEmpty();
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> body = valid();
    body.put(field, value);
    return body;
  }

  @Test
  void refusesPlainHttpAndNonPublicAddressesUnlessTheOperatorAllowsThem() {
    assertRefused(with("url", "http://example.com/hook"), 400, 132000, "refused");
    assertRefused(with("url", "https://127.0.0.1:9/hook"), 400, 132000, "refused");
    assertRefused(with("url", "https://10.1.2.3/hook"), 400, 132000, "refused");
    assertRefused(with("url", "https://[::1]/hook"), 400, 132000, "refused");
    assertRefused(with("url", "https://169.254.169.254/latest"), 400, 132000, "refused");
  }

  @Test
  void refusesMalformedUrls() {
    assertRefused(with("url", "ftp://example.com/hook"), 400, 132000, "https://");
    assertRefused(with("url", "not a url"), 400, 132000, "url");
    assertRefused(with("url", "https://user:pw@example.com/hook"), 400, 132000, "user");
    assertRefused(with("url", "https://example.com/" + "a".repeat(2049 - 20)), 400, 132000, "2048");
  }

  @Test
  void checksEveryFieldAtItsLimits() {
    Map<String, Object> noUrl = valid();
    noUrl.remove("url");
    assertRefused(noUrl, 400, 132000, "url is required");
    Map<String, Object> noToken = valid();
    noToken.remove("verify_token");
    assertRefused(noToken, 400, 132000, "verify_token is required");
    assertRefused(with("verify_token", ""), 400, 132000, "1 to 256");
    assertRefused(with("verify_token", "t".repeat(257)), 400, 132000, "1 to 256");
    assertRefused(with("events", List.of()), 400, 132000, "at least one");
    assertRefused(with("events", List.of("message", "messages")), 400, 132000, "'messages'");
    assertRefused(with("body_form", "xml"), 400, 132000, "meta or json_stringify");
    assertRefused(with("max_events_per_post", 0), 400, 132000, "1 to 100");
    assertRefused(with("max_events_per_post", 101), 400, 132000, "1 to 100");
  }

  @Test
  void needsATokenAndHidesOtherAccountsRegistrations() {
    assertThat(fx.api.get("/v2/webhooks", null).status()).isEqualTo(401);
    assertThat(fx.api.postJson("/v2/webhooks", "owa_wrong", "{}").status()).isEqualTo(401);
    assertThat(fx.api.get("/v2/webhooks/123456", fx.token).status()).isEqualTo(404);
    assertThat(fx.api.get("/v2/webhooks/not-an-id/deliveries", fx.token).status()).isEqualTo(404);
    assertThat(fx.api.delete("/v2/webhooks/123456", fx.token).status()).isEqualTo(404);
  }
}
