package org.openwaba.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.SqliteDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * On the Cloud API door, the limit on bad credentials per client address answers Meta's rate-limit
 * code 130429 with HTTP 429 and Retry-After. Its own context: the loopback address gets limited.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "openwaba.accounts.failed-auth-per-minute=2")
@ContextConfiguration(initializers = SqliteDatabaseInitializer.class)
@ActiveProfiles("test")
class CloudFailedAuthLimitHttpTests {

  @LocalServerPort int port;

  @Test
  void answers130429AfterTheAllowedFailures() {
    ApiClient api = new ApiClient(port);
    String guess = "owa_" + "Q".repeat(43);
    for (int i = 0; i < 2; i++) {
      CloudDoorHttpContract.assertGraphError(api.get("/v24.0/100000000000002", guess), 401, 190);
    }

    var limited = api.get("/v24.0/100000000000002", ApiClient.TOKEN);
    JsonNode error = CloudDoorHttpContract.assertGraphError(limited, 429, 130429);
    assertThat(error.get("message").asString()).isEqualTo("(#130429) Rate limit hit");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
  }
}
