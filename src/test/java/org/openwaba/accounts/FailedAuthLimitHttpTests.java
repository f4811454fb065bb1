package org.openwaba.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.SqliteDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Requests with bad credentials are limited per client address, so tokens cannot be guessed
 * quickly. Its own context: once the loopback address is limited, every request from it is.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "openwaba.accounts.failed-auth-per-minute=3")
@ContextConfiguration(initializers = SqliteDatabaseInitializer.class)
@ActiveProfiles("test")
class FailedAuthLimitHttpTests {

  @LocalServerPort int port;

  @Test
  void answers429AfterTheAllowedFailuresFromOneAddress() {
    ApiClient api = new ApiClient(port);
    String guess = "owa_" + "G".repeat(43);
    for (int i = 0; i < 3; i++) {
      var refused = api.get("/v2/me", guess);
      assertThat(refused.status()).as("failure %d of 3 is still a 401", i + 1).isEqualTo(401);
    }

    var limited = api.get("/v2/me", guess);
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.json().get("error_code").asInt()).isEqualTo(133000);
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);

    var evenWithAGoodToken = api.get("/v2/me", ApiClient.TOKEN);
    assertThat(evenWithAGoodToken.status())
        .as("the address is limited before credentials are checked")
        .isEqualTo(429);
  }
}
