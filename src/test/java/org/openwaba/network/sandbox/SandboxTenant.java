package org.openwaba.network.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.network.OutboundMessage;
import org.openwaba.network.TextSpan;
import org.openwaba.network.TextStyle;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;

/**
 * A business account created through the admin API for one test, with a sandbox phone number and a
 * token, so that each test starts with devices nobody has used.
 */
record SandboxTenant(
    AccountId accountId, PhoneNumberId phoneNumberId, String businessNumber, String token) {

  static final String BODY = "Hello *there*";
  static final List<TextSpan> SPANS =
      List.of(new TextSpan("Hello ", Set.of()), new TextSpan("there", Set.of(TextStyle.BOLD)));

  /** A new account with a sandbox number and a token. */
  static SandboxTenant create(ApiClient api) {
    String accountId = AdminFixtures.createAccount(api, "sandbox test", 50);
    var added = AdminFixtures.addUniqueNumber(api, accountId, "+1312555");
    return new SandboxTenant(
        new AccountId(Long.parseLong(accountId)),
        new PhoneNumberId(Long.parseLong(added.id())),
        added.number(),
        AdminFixtures.issueToken(api, accountId));
  }

  /** A new account with a token but no phone number at all. */
  static String tokenWithoutPhoneNumber(ApiClient api) {
    return AdminFixtures.issueToken(api, AdminFixtures.createAccount(api, "sandbox test", 50));
  }

  /** A text message from this tenant's number to {@code to}, with a fresh id. */
  OutboundMessage message(String to) {
    return new OutboundMessage(
        "wamid.test" + UUID.randomUUID().toString().replace("-", ""),
        accountId,
        phoneNumberId,
        businessNumber,
        to,
        "text",
        BODY,
        SPANS,
        false,
        null,
        Instant.now());
  }
}
