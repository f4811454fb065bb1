package org.openwaba.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.ADMIN_KEY;

import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** Creates accounts, phone numbers and tokens through the admin API, failing on any refusal. */
public final class AdminFixtures {

  private AdminFixtures() {}

  /** A new account; returns its id. */
  public static String createAccount(ApiClient api, String name, int messagesPerSecond) {
    var created =
        api.postJson(
            "/admin/v1/accounts",
            ADMIN_KEY,
            ApiClient.json(
                java.util.Map.of("name", name, "messages_per_second", messagesPerSecond)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  /** Adds a sandbox number; returns the answer, which may be a refusal (e.g. 409). */
  public static ApiClient.Response addNumber(ApiClient api, String accountId, String number) {
    return api.postJson(
        "/admin/v1/accounts/" + accountId + "/phone-numbers",
        ADMIN_KEY,
        "{\"display_phone_number\":\"" + number + "\",\"network\":\"sandbox\"}");
  }

  /**
   * Adds a sandbox number {@code prefix} followed by four random digits, drawing again while the
   * number is taken (tests share one server, so a fixed or single random draw would collide);
   * returns the number and the answer that accepted it.
   */
  public static AddedNumber addUniqueNumber(ApiClient api, String accountId, String prefix) {
    for (int attempt = 0; ; attempt++) {
      String number = prefix + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
      var added = addNumber(api, accountId, number);
      if (added.status() == 409 && attempt < 50) {
        continue;
      }
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      return new AddedNumber(number, added.json().get("id").asString());
    }
  }

  /** A number added by {@link #addUniqueNumber}, with its phone number id. */
  public record AddedNumber(String number, String id) {}

  /** Issues a token without expiry; returns its value. */
  public static String issueToken(ApiClient api, String accountId) {
    var issued = api.postJson("/admin/v1/accounts/" + accountId + "/tokens", ADMIN_KEY, "{}");
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    JsonNode body = issued.json();
    return body.get("token").asString();
  }
}
