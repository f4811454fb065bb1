package org.openwaba.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.SqliteDatabaseInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;

/** The server publishes an OpenAPI document of every public endpoint, and a browsable UI. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "openwaba.platform.public-base-url=https://api.example.test")
@ContextConfiguration(initializers = SqliteDatabaseInitializer.class)
@ActiveProfiles("test")
class OpenApiHttpTests {

  @LocalServerPort int port;

  @Test
  void documentsEveryPublicEndpoint() {
    var response = new ApiClient(port).get("/v3/api-docs", null);
    assertThat(response.status()).isEqualTo(200);
    JsonNode paths = response.json().get("paths");
    assertThat(paths.has("/v2/send-message")).isTrue();
    assertThat(paths.has("/v2/message-status")).isTrue();
    assertThat(paths.has("/v2/messages")).isTrue();
    assertThat(paths.has("/v2/inbound-messages")).isTrue();
    assertThat(paths.has("/{version}/{phoneNumberId}/messages")).isTrue();
    assertThat(paths.has("/v2/me")).isTrue();
    assertThat(paths.has("/v2/sandbox/devices/{number}")).isTrue();
    assertThat(paths.has("/v2/sandbox/devices/{number}/messages")).isTrue();
    assertThat(paths.has("/admin/v1/accounts")).isTrue();
    assertThat(paths.has("/admin/v1/accounts/{accountId}/tokens")).isTrue();
    assertThat(paths.propertyNames())
        .as("the Cloud API door")
        .contains(
            "/{version}/{phoneNumberId}/messages",
            "/{version}/{id}",
            "/{version}/{wabaId}/phone_numbers",
            "/{version}/{wabaId}/message_templates",
            "/{version}/{phoneNumberId}/media",
            "/admin/v1/accounts/{accountId}/notification-address");
    assertThat(paths.get("/{version}/{id}").propertyNames())
        .as("nodes are read and media deleted at one path")
        .contains("get", "delete");
    assertThat(response.body()).doesNotContain("AuthenticatedAccount");
    assertThat(response.json().get("components").get("securitySchemes").has("bearerToken"))
        .isTrue();
  }

  @Test
  void namesThePublicBaseUrlAsTheServer() {
    JsonNode servers = new ApiClient(port).get("/v3/api-docs", null).json().get("servers");
    assertThat(servers.get(0).get("url").asString()).isEqualTo("https://api.example.test");
  }

  @Test
  void servesTheBrowsableUi() {
    var response = new ApiClient(port).get("/swagger-ui/index.html", null);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).containsIgnoringCase("swagger");
  }
}
