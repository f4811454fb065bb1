package org.openwaba.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.ACCOUNT_ID;
import static org.openwaba.testing.ApiClient.TOKEN;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Cloud API door as Meta's SDKs see it: bearer authentication, Meta's Graph error envelope on
 * every failure, and phone number and account nodes by id. Run on both databases.
 */
abstract class CloudDoorHttpContract {

  static final String PHONE_NUMBER_ID = "100000000000002";

  @LocalServerPort int port;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  /** Asserts Meta's envelope, and that nothing of the seed's envelope or a stack trace leaks. */
  static JsonNode assertGraphError(Response response, int httpStatus, int code) {
    assertThat(response.status()).as(response.body()).isEqualTo(httpStatus);
    assertThat(response.header("Content-Type")).startsWith("application/json");
    JsonNode body = response.json();
    assertThat(body.propertyNames()).containsExactly("error");
    JsonNode error = body.get("error");
    assertThat(error.get("code").asInt()).isEqualTo(code);
    assertThat(error.get("message").asString()).startsWith("(#" + code + ") ");
    assertThat(error.get("type").asString()).isEqualTo("OAuthException");
    assertThat(error.get("error_data").get("messaging_product").asString()).isEqualTo("whatsapp");
    assertThat(error.get("error_data").get("details").asString()).isNotBlank();
    assertThat(error.get("fbtrace_id").asString()).isEqualTo(response.header("X-Request-Id"));
    assertThat(response.body())
        .doesNotContainPattern("[a-z]\\.[A-Za-z]+Exception")
        .doesNotContain("at org.")
        .doesNotContain("error_code")
        .doesNotContain("131030");
    return error;
  }

  @Test
  void answersAMissingTokenWith190AndStatus401() {
    JsonNode error = assertGraphError(api.get("/v24.0/" + PHONE_NUMBER_ID, null), 401, 190);
    assertThat(error.has("error_subcode")).isFalse();
    assertThat(error.get("error_data").get("details").asString()).contains("Authorization");
  }

  @Test
  void answersAnUnknownOrMalformedTokenWith190() {
    assertGraphError(api.get("/v24.0/" + PHONE_NUMBER_ID, "owa_" + "Z".repeat(43)), 401, 190);
    assertGraphError(api.get("/v17.0/" + PHONE_NUMBER_ID, "not-a-token"), 401, 190);
    var basic =
        api.send(
            "GET",
            "/v24.0/" + PHONE_NUMBER_ID,
            Map.of("Authorization", "Basic dXNlcjpwYXNz"),
            null);
    assertGraphError(basic, 401, 190);
  }

  @Test
  void keepsTheSeedEnvelopeOnTheSeedDoor() {
    Response seed = api.get("/v2/me", null);
    assertThat(seed.status()).isEqualTo(401);
    assertThat(seed.json().get("error_code").asInt()).isEqualTo(131030);
    assertThat(seed.json().get("status").asString()).isEqualTo("error");
    assertThat(seed.json().has("error")).isFalse();
  }

  @Test
  void answersThePhoneNumberAsMetaDoes() {
    Response response = api.get("/v24.0/" + PHONE_NUMBER_ID, TOKEN);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode number = response.json();
    assertThat(number.get("id").isString()).isTrue();
    assertThat(number.get("id").asString()).isEqualTo(PHONE_NUMBER_ID);
    assertThat(number.get("display_phone_number").asString()).isEqualTo("+1 202-555-0100");
    assertThat(number.get("verified_name").asString()).isNotBlank();
    assertThat(number.get("quality_rating").asString()).isEqualTo("GREEN");
    assertThat(number.get("code_verification_status").asString()).isEqualTo("VERIFIED");
    assertThat(number.get("platform_type").asString()).isEqualTo("CLOUD_API");
    assertThat(number.get("account_mode").asString()).isEqualTo("SANDBOX");
    assertThat(number.get("throughput").get("level").asString()).isEqualTo("STANDARD");
  }

  @Test
  void keepsOnlyTheRequestedFieldsAndTheId() {
    Response response =
        api.get(
            "/v25.0/" + PHONE_NUMBER_ID + "?fields=display_phone_number,throughput%7Blevel%7D",
            TOKEN);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().propertyNames())
        .containsExactlyInAnyOrder("id", "display_phone_number", "throughput");

    JsonNode unknown =
        assertGraphError(api.get("/v24.0/" + PHONE_NUMBER_ID + "?fields=colour", TOKEN), 400, 100);
    assertThat(unknown.get("error_data").get("details").asString())
        .isEqualTo(
            "Tried accessing nonexisting field (colour) on node type (WhatsAppBusinessPhoneNumber)");
  }

  @Test
  void answersTheBusinessAccountAndItsPhoneNumbers() {
    Response account = api.get("/v24.0/" + ACCOUNT_ID, TOKEN);
    assertThat(account.status()).as(account.body()).isEqualTo(200);
    assertThat(account.json().get("id").asString()).isEqualTo(ACCOUNT_ID);
    assertThat(account.json().get("name").asString()).isNotBlank();

    Response numbers = api.get("/v24.0/" + ACCOUNT_ID + "/phone_numbers", TOKEN);
    assertThat(numbers.status()).as(numbers.body()).isEqualTo(200);
    assertThat(numbers.json().get("data")).hasSize(1);
    assertThat(numbers.json().get("data").get(0).get("id").asString()).isEqualTo(PHONE_NUMBER_ID);
    assertThat(numbers.json().get("paging").get("cursors").get("after").asString())
        .isEqualTo(PHONE_NUMBER_ID);
  }

  @Test
  void answersAnotherAccountsPhoneNumberAsAnObjectThatDoesNotExist() {
    String other = AdminFixtures.createAccount(api, "Other business", 10);
    String otherToken = AdminFixtures.issueToken(api, other);

    JsonNode error = assertGraphError(api.get("/v24.0/" + PHONE_NUMBER_ID, otherToken), 400, 100);
    assertThat(error.get("error_subcode").asInt()).isEqualTo(33);
    assertThat(error.get("error_data").get("details").asString())
        .isEqualTo("Object with ID '" + PHONE_NUMBER_ID + "' does not exist");
    assertThat(
            assertGraphError(
                    api.get("/v24.0/" + ACCOUNT_ID + "/phone_numbers", otherToken), 400, 100)
                .get("error_subcode")
                .asInt())
        .isEqualTo(33);
    assertThat(
            assertGraphError(api.get("/v24.0/" + ACCOUNT_ID, otherToken), 400, 100)
                .get("error_subcode")
                .asInt())
        .isEqualTo(33);
  }

  @Test
  void answersUnknownAndMalformedIdsAsObjectsThatDoNotExist() {
    assertThat(
            assertGraphError(api.get("/v24.0/123456789", TOKEN), 400, 100)
                .get("error_subcode")
                .asInt())
        .isEqualTo(33);
    assertThat(
            assertGraphError(api.get("/v24.0/me-and-you", TOKEN), 400, 100)
                .get("error_subcode")
                .asInt())
        .isEqualTo(33);
    assertThat(assertGraphError(api.get("/v24.0/-5", TOKEN), 400, 100).get("error_subcode").asInt())
        .isEqualTo(33);
  }

  @Test
  void answersUnknownPathsUnsupportedMethodsAndParametersInMetasEnvelope() {
    assertGraphError(api.get("/v24.0/" + PHONE_NUMBER_ID + "/no_such_edge", TOKEN), 400, 100);

    Response put =
        api.send("PUT", "/v24.0/" + PHONE_NUMBER_ID, TOKEN, "application/json", "{}".getBytes());
    assertGraphError(put, 405, 100);
    assertThat(put.header("Allow")).contains("GET");

    assertGraphError(api.get("/v24.0/" + PHONE_NUMBER_ID + "?colour=red", TOKEN), 400, 100);
  }

  @Test
  void answersAServerErrorWith131000AndNoInternals() {
    JsonNode error = assertGraphError(api.get("/v24.0/openwaba-test/failure", TOKEN), 500, 131000);
    assertThat(error.get("error_data").get("details").asString()).doesNotContain("boom");
  }

  @Test
  void acceptsAnyVersionOfTheFormVnnDotN() {
    assertThat(api.get("/v17.0/" + PHONE_NUMBER_ID, TOKEN).status()).isEqualTo(200);
    assertThat(api.get("/v25.0/" + PHONE_NUMBER_ID, TOKEN).status()).isEqualTo(200);
    Response noMinor = api.get("/v24/" + PHONE_NUMBER_ID, TOKEN);
    assertThat(noMinor.status()).isEqualTo(404);
    assertThat(noMinor.json().get("error_code").asInt())
        .as("not the Cloud door: the seed's envelope")
        .isEqualTo(190404);
  }
}
