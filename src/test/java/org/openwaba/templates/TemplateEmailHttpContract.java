package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openwaba.testing.ApiClient.ADMIN_KEY;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.templates.store.NotificationStore;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Template status emails, received by a real SMTP server in this JVM (GreenMail): one email per
 * status change to the account's notification address, with the reason; none without an address.
 * Run on both databases.
 */
abstract class TemplateEmailHttpContract {

  static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("openwaba.templates.notifications.poll-interval", () -> "100ms");
    registry.add("openwaba.templates.notifications.from", () -> "templates@openwaba.test");
  }

  static final String BODY =
      "{\"name\":\"%s\",\"language\":\"en_US\",\"category\":\"UTILITY\",\"components\":["
          + "{\"type\":\"BODY\",\"text\":\"Your order is ready\"}]}";

  @LocalServerPort int port;
  @Autowired NotificationStore store;
  ApiClient api;
  String accountId;
  String token;
  String address;

  @BeforeEach
  void account() {
    api = new ApiClient(port);
    accountId = AdminFixtures.createAccount(api, "Mailed", 10);
    token = AdminFixtures.issueToken(api, accountId);
    address = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  Response setAddress(String account, String json) {
    return api.send(
        "PUT",
        "/admin/v1/accounts/" + account + "/notification-address",
        ADMIN_KEY,
        "application/json",
        json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  String create(String name) {
    Response created = api.postJson("/v2/templates", token, BODY.formatted(name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("template").get("id").asString();
  }

  void review(String templateId, String json) {
    Response reviewed =
        api.postJson(
            "/admin/v1/accounts/" + accountId + "/templates/" + templateId + "/review",
            ADMIN_KEY,
            json);
    assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
  }

  static List<MimeMessage> to(String recipient) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(
            message -> {
              try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(recipient));
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void emailsEveryStatusChangeWithItsReasonToTheNotificationAddress() throws Exception {
    Response set = setAddress(accountId, "{\"email\":\" " + address + " \"}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().get("email").asString()).isEqualTo(address);
    String id = create("order_ready");

    review(id, "{\"decision\":\"approve\"}");
    await().atMost(Duration.ofSeconds(15)).until(() -> to(address).size() == 1);
    MimeMessage approved = to(address).get(0);
    assertThat(approved.getSubject())
        .isEqualTo("Your WhatsApp template \"order_ready\" (en_US) is APPROVED");
    assertThat(approved.getFrom()[0].toString()).isEqualTo("templates@openwaba.test");
    assertThat(GreenMailUtil.getBody(approved))
        .contains("Template id: " + id)
        .contains("PENDING -> APPROVED");

    review(id, "{\"decision\":\"pause\",\"reason\":\"low quality\"}");
    await().atMost(Duration.ofSeconds(15)).until(() -> to(address).size() == 2);
    MimeMessage paused = to(address).get(1);
    assertThat(paused.getSubject()).endsWith("is PAUSED");
    assertThat(GreenMailUtil.getBody(paused))
        .contains("APPROVED -> PAUSED")
        .contains("Reason:      low quality");
    // The mail server has the message before the worker has recorded that it was sent.
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(store.emails(new AccountId(Long.parseLong(accountId))))
                    .extracting(
                        NotificationStore.EmailState::state, NotificationStore.EmailState::attempts)
                    .containsOnly(org.assertj.core.groups.Tuple.tuple("SENT", 1)));
  }

  @Test
  void queuesNothingForAnAccountWithoutAnAddress() {
    String id = create("silent");
    review(id, "{\"decision\":\"reject\",\"reason\":\"INVALID_FORMAT: no\"}");

    String cleared = create("cleared_before");
    assertThat(setAddress(accountId, "{\"email\":\"" + address + "\"}").status()).isEqualTo(200);
    Response removed =
        api.delete("/admin/v1/accounts/" + accountId + "/notification-address", ADMIN_KEY);
    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    assertThat(
            api.get("/admin/v1/accounts/" + accountId + "/notification-address", ADMIN_KEY)
                .json()
                .has("email"))
        .isFalse();
    review(cleared, "{\"decision\":\"approve\"}");

    assertThat(store.emails(new AccountId(Long.parseLong(accountId)))).isEmpty();
    assertThat(to(address)).isEmpty();
  }

  @Test
  void refusesInvalidAddressesUnknownAccountsAndClientTokens() {
    for (String bad :
        List.of("not an email", "Ann <ann@example.com>", "@example.com", "a@" + "b".repeat(253))) {
      Response refused = setAddress(accountId, ApiClient.json(java.util.Map.of("email", bad)));
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.json().get("error_code").asInt()).isEqualTo(132000);
    }
    String longest = "a".repeat(254 - "@example.com".length()) + "@example.com";
    assertThat(setAddress(accountId, "{\"email\":\"" + longest + "\"}").status())
        .as("254 characters")
        .isEqualTo(200);
    assertThat(setAddress(accountId, "{}").json().get("details").asString())
        .isEqualTo("email is required");
    assertThat(setAddress("999999999999", "{\"email\":\"a@example.com\"}").status()).isEqualTo(404);
    Response withClientToken =
        api.send(
            "PUT",
            "/admin/v1/accounts/" + accountId + "/notification-address",
            token,
            "application/json",
            "{\"email\":\"a@example.com\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(withClientToken.status()).isEqualTo(401);
  }
}
