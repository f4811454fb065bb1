package org.openwaba.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.Account;
import org.openwaba.accounts.AccountAdministration;
import org.openwaba.accounts.AccountAdministration.TokenInfo;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.AccountNotFoundException;
import org.openwaba.accounts.PhoneNumber;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operator's admin API: accounts, phone numbers and access tokens. */
@RestController
@RequestMapping(path = "/admin/v1/accounts", produces = "application/json")
@Tag(name = "Admin", description = "Operator API, authenticated with the admin key")
@SecurityRequirement(name = "adminKey")
class AdminController {

  record CreateAccountRequest(
      @NotNull String name, @Nullable @Positive Integer messagesPerSecond) {}

  record UpdateAccountRequest(@Nullable String name, @Nullable Integer messagesPerSecond) {}

  record AccountView(String id, String name, int messagesPerSecond, Instant createdAt) {
    static AccountView of(Account account) {
      return new AccountView(
          account.id().toString(),
          account.name(),
          account.messagesPerSecond(),
          account.createdAt());
    }
  }

  record CreatedAccountView(
      String id, String name, int messagesPerSecond, Instant createdAt, String appSecret) {}

  record AddPhoneNumberRequest(@NotNull String displayPhoneNumber, @Nullable String network) {}

  record PhoneNumberView(
      String id, String accountId, String displayPhoneNumber, String network, Instant createdAt) {
    static PhoneNumberView of(PhoneNumber number) {
      return new PhoneNumberView(
          number.id().toString(),
          number.accountId().toString(),
          number.displayPhoneNumber(),
          number.network(),
          number.createdAt());
    }
  }

  record IssueTokenRequest(@Nullable String label, @Nullable @Positive Long expiresInSeconds) {}

  record TokenView(
      String id,
      @Nullable String label,
      Instant createdAt,
      @Nullable Instant expiresAt,
      @Nullable Instant revokedAt,
      @Nullable String token) {
    static TokenView of(TokenInfo info, @Nullable String token) {
      return new TokenView(
          Long.toString(info.id()),
          info.label(),
          info.createdAt(),
          info.expiresAt(),
          info.revokedAt(),
          token);
    }
  }

  record ListView<T>(List<T> data) {}

  private final AccountAdministration administration;

  AdminController(AccountAdministration administration) {
    this.administration = administration;
  }

  @PostMapping(consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a business account; its app secret is returned only here")
  CreatedAccountView createAccount(@Valid @RequestBody CreateAccountRequest request) {
    var created =
        administration.createAccount(
            null,
            request.name(),
            request.messagesPerSecond() == null
                ? AccountAdministration.DEFAULT_MESSAGES_PER_SECOND
                : request.messagesPerSecond(),
            null);
    Account account = created.account();
    return new CreatedAccountView(
        account.id().toString(),
        account.name(),
        account.messagesPerSecond(),
        account.createdAt(),
        created.appSecret());
  }

  @GetMapping
  @Operation(summary = "List accounts")
  ListView<AccountView> listAccounts() {
    return new ListView<>(administration.listAccounts().stream().map(AccountView::of).toList());
  }

  @GetMapping("/{accountId}")
  @Operation(summary = "Get an account")
  AccountView account(@PathVariable long accountId) {
    return AccountView.of(administration.account(id(accountId)));
  }

  @PatchMapping(path = "/{accountId}", consumes = "application/json")
  @Operation(summary = "Rename an account or change its messages-per-second limit")
  AccountView updateAccount(
      @PathVariable long accountId, @Valid @RequestBody UpdateAccountRequest request) {
    return AccountView.of(
        administration.updateAccount(id(accountId), request.name(), request.messagesPerSecond()));
  }

  @PostMapping(path = "/{accountId}/phone-numbers", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a business phone number (network: sandbox)")
  PhoneNumberView addPhoneNumber(
      @PathVariable long accountId, @Valid @RequestBody AddPhoneNumberRequest request) {
    return PhoneNumberView.of(
        administration.addPhoneNumber(
            id(accountId),
            null,
            request.displayPhoneNumber(),
            request.network() == null ? "sandbox" : request.network()));
  }

  @GetMapping("/{accountId}/phone-numbers")
  @Operation(summary = "List an account's phone numbers")
  ListView<PhoneNumberView> phoneNumbers(@PathVariable long accountId) {
    return new ListView<>(
        administration.phoneNumbers(id(accountId)).stream().map(PhoneNumberView::of).toList());
  }

  @PostMapping(path = "/{accountId}/tokens", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Issue an access token; its value is returned only here")
  TokenView issueToken(
      @PathVariable long accountId, @Valid @RequestBody IssueTokenRequest request) {
    Duration validFor =
        request.expiresInSeconds() == null ? null : Duration.ofSeconds(request.expiresInSeconds());
    var issued = administration.issueToken(id(accountId), request.label(), validFor, null);
    return TokenView.of(issued.info(), issued.token());
  }

  @GetMapping("/{accountId}/tokens")
  @Operation(summary = "List an account's tokens (never their values)")
  ListView<TokenView> tokens(@PathVariable long accountId) {
    return new ListView<>(
        administration.listTokens(id(accountId)).stream()
            .map(info -> TokenView.of(info, null))
            .toList());
  }

  @DeleteMapping("/{accountId}/tokens/{tokenId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke a token; it stops working at once")
  void revokeToken(@PathVariable long accountId, @PathVariable long tokenId) {
    administration.revokeToken(id(accountId), tokenId);
  }

  private static AccountId id(long value) {
    if (value <= 0) {
      throw new AccountNotFoundException("Account " + value);
    }
    return new AccountId(value);
  }
}
