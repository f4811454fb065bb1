package org.openwaba.accounts.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import org.openwaba.accounts.Account;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.GraphNodeReader;
import org.openwaba.accounts.PhoneNumber;
import org.openwaba.platform.InternationalNumbers;
import org.springframework.stereotype.Component;

/**
 * The account's own Graph nodes on the Cloud API door: its phone numbers and the business account
 * (WABA) itself, shaped as Meta answers {@code GET /{version}/{id}}.
 */
@Component
class CloudPhoneNumbers implements GraphNodeReader {

  /** Meta's type name of a phone number node. */
  static final String PHONE_NUMBER_TYPE = "WhatsAppBusinessPhoneNumber";

  /**
   * A phone number node as Meta shapes it. OpenWABA numbers are always verified, of green quality
   * and standard throughput; {@code account_mode} tells sandbox numbers from live ones.
   */
  record PhoneNumberNode(
      String id,
      @JsonProperty("display_phone_number") String displayPhoneNumber,
      @JsonProperty("verified_name") String verifiedName,
      @JsonProperty("code_verification_status") String codeVerificationStatus,
      @JsonProperty("quality_rating") String qualityRating,
      @JsonProperty("name_status") String nameStatus,
      @JsonProperty("platform_type") String platformType,
      @JsonProperty("account_mode") String accountMode,
      Throughput throughput) {

    record Throughput(String level) {}

    static PhoneNumberNode of(PhoneNumber number, String verifiedName) {
      return new PhoneNumberNode(
          number.id().toString(),
          InternationalNumbers.formatInternational(number.displayPhoneNumber()),
          verifiedName,
          "VERIFIED",
          "GREEN",
          "APPROVED",
          "CLOUD_API",
          "sandbox".equals(number.network()) ? "SANDBOX" : "LIVE",
          new Throughput("STANDARD"));
    }
  }

  /** The business account node: its id and name. */
  record AccountNode(String id, String name) {}

  private final AccountDirectory directory;

  CloudPhoneNumbers(AccountDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Optional<Node> read(AccountId caller, long id) {
    if (id == caller.value()) {
      return directory
          .find(caller)
          .map(
              account ->
                  new Node(
                      "WhatsAppBusinessAccount", new AccountNode(id(account), account.name())));
    }
    return directory.phoneNumbers(caller).stream()
        .filter(number -> number.id().value() == id)
        .findFirst()
        .map(
            number ->
                new Node(PHONE_NUMBER_TYPE, PhoneNumberNode.of(number, verifiedName(caller))));
  }

  String verifiedName(AccountId caller) {
    return directory.find(caller).map(Account::name).orElse("");
  }

  private static String id(Account account) {
    return account.id().toString();
  }
}
