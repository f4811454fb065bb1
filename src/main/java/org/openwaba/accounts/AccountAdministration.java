package org.openwaba.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.store.AccountStore;
import org.openwaba.accounts.store.PhoneNumberStore;
import org.openwaba.accounts.store.TokenStore;
import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.Ids;
import org.openwaba.platform.InternationalNumbers;
import org.openwaba.platform.InvalidRequestException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's operations on accounts: create and change accounts, add phone numbers, issue and
 * revoke access tokens. Backs the admin API and the first-start bootstrap.
 */
@Service
public class AccountAdministration {

  /** The seed's "Messages per second: 50" limit, used when an account is created without one. */
  public static final int DEFAULT_MESSAGES_PER_SECOND = 50;

  /** The most messages per second an account may be given. */
  public static final int MAX_MESSAGES_PER_SECOND = 100_000;

  /** Networks a phone number may use; {@code cloud} arrives with the Cloud API connector. */
  public static final Set<String> NETWORKS = Set.of("sandbox");

  /** An account just created, with its app secret (shown to the operator on creation). */
  public record CreatedAccount(Account account, String appSecret) {}

  /** A token just issued: the only time its secret value is available. */
  public record IssuedToken(TokenInfo info, String token) {}

  /** A token's metadata, never its value. */
  public record TokenInfo(
      long id,
      AccountId accountId,
      @Nullable String label,
      Instant createdAt,
      @Nullable Instant expiresAt,
      @Nullable Instant revokedAt) {}

  private final AccountStore accounts;
  private final PhoneNumberStore phoneNumbers;
  private final TokenStore tokens;
  private final AccountDirectory directory;
  private final Ids ids;
  private final Clock clock;

  AccountAdministration(
      AccountStore accounts,
      PhoneNumberStore phoneNumbers,
      TokenStore tokens,
      AccountDirectory directory,
      Ids ids,
      Clock clock) {
    this.accounts = accounts;
    this.phoneNumbers = phoneNumbers;
    this.tokens = tokens;
    this.directory = directory;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Creates an account with a fresh app secret.
   *
   * @param id the id to use, or null to mint one
   * @param appSecret the app secret to use, or null to mint one (32 hex characters, like Meta's)
   * @throws InvalidRequestException (132000) for an empty name, a limit out of range or a taken id
   */
  @Transactional
  public CreatedAccount createAccount(
      @Nullable Long id, String name, int messagesPerSecond, @Nullable String appSecret) {
    String trimmed = requireName(name);
    requireLimit(messagesPerSecond);
    long accountId = id == null ? ids.numericId() : requireId(id, "account id");
    if (accounts.find(new AccountId(accountId)).isPresent()) {
      throw new ConflictException("Account " + accountId + " already exists");
    }
    String secret = appSecret == null ? HexFormat.of().formatHex(ids.secretBytes(16)) : appSecret;
    Account account =
        new Account(new AccountId(accountId), trimmed, messagesPerSecond, clock.instant());
    accounts.insert(account, secret);
    return new CreatedAccount(account, secret);
  }

  /** Every account, oldest first. */
  @Transactional(readOnly = true)
  public List<Account> listAccounts() {
    return accounts.list();
  }

  /** The account, or 404. */
  @Transactional(readOnly = true)
  public Account account(AccountId id) {
    return accounts.find(id).orElseThrow(() -> new AccountNotFoundException("Account " + id));
  }

  /** The account's phone numbers, oldest first, or 404 if the account does not exist. */
  @Transactional(readOnly = true)
  public List<PhoneNumber> phoneNumbers(AccountId accountId) {
    account(accountId);
    return phoneNumbers.ofAccount(accountId);
  }

  /** The account's app secret, used to sign its webhooks. */
  @Transactional(readOnly = true)
  public String appSecret(AccountId id) {
    return accounts.appSecret(id).orElseThrow(() -> new AccountNotFoundException("Account " + id));
  }

  /** Changes an account's name and/or its messages-per-second limit; null leaves a value. */
  @Transactional
  public Account updateAccount(
      AccountId id, @Nullable String name, @Nullable Integer messagesPerSecond) {
    Account current = account(id);
    String newName = name == null ? current.name() : requireName(name);
    int newLimit = messagesPerSecond == null ? current.messagesPerSecond() : messagesPerSecond;
    requireLimit(newLimit);
    accounts.update(id, newName, newLimit);
    directory.forgetCaches();
    return new Account(id, newName, newLimit, current.createdAt());
  }

  /**
   * Adds a business phone number to an account.
   *
   * @param id the phone_number_id to use, or null to mint one
   * @throws InvalidRequestException (132000) for a malformed number or unknown network
   * @throws ConflictException (409) if the number is already registered
   */
  @Transactional
  public PhoneNumber addPhoneNumber(
      AccountId accountId, @Nullable Long id, String displayPhoneNumber, String network) {
    account(accountId);
    String e164 = InternationalNumbers.toE164(displayPhoneNumber, "display_phone_number");
    String networkName = network.strip().toLowerCase(Locale.ROOT);
    if (!NETWORKS.contains(networkName)) {
      throw new InvalidRequestException(
          "Unknown network", "network must be one of " + NETWORKS + ", was '" + network + "'");
    }
    if (phoneNumbers.findByDisplayNumber(e164).isPresent()) {
      throw new ConflictException("Phone number " + e164 + " is already registered");
    }
    long numberId = id == null ? ids.numericId() : requireId(id, "phone number id");
    if (phoneNumbers.find(new PhoneNumberId(numberId)).isPresent()) {
      throw new ConflictException("Phone number id " + numberId + " is already taken");
    }
    PhoneNumber number =
        new PhoneNumber(new PhoneNumberId(numberId), accountId, e164, networkName, clock.instant());
    phoneNumbers.insert(number);
    directory.forgetCaches();
    return number;
  }

  /**
   * Issues an access token.
   *
   * @param token the token value to register (from configuration), or null to mint one
   * @param validFor how long the token works, or null for no expiry
   */
  @Transactional
  public IssuedToken issueToken(
      AccountId accountId,
      @Nullable String label,
      @Nullable Duration validFor,
      @Nullable String token) {
    account(accountId);
    if (validFor != null && (validFor.isNegative() || validFor.isZero())) {
      throw new InvalidRequestException(
          "Invalid expiry", "expires_in_seconds must be positive, was " + validFor.toSeconds());
    }
    String value =
        token == null ? AccessTokens.PREFIX + ids.secret(AccessTokens.RANDOM_BYTES) : token;
    if (!AccessTokens.isWellFormed(value) || value.length() < AccessTokens.MIN_CONFIGURED_LENGTH) {
      throw new InvalidRequestException(
          "Weak token",
          "A configured token needs at least "
              + AccessTokens.MIN_CONFIGURED_LENGTH
              + " characters from A-Z a-z 0-9 . _ ~ + / = -");
    }
    Instant now = clock.instant();
    TokenInfo info =
        new TokenInfo(
            ids.numericId(),
            accountId,
            label == null || label.isBlank() ? null : label.strip(),
            now,
            validFor == null ? null : now.plus(validFor),
            null);
    tokens.insert(
        new TokenStore.StoredToken(info.id(), accountId, info.label(), now, info.expiresAt(), null),
        AccessTokens.hash(value));
    return new IssuedToken(info, value);
  }

  /** The account's tokens, without their values. */
  @Transactional(readOnly = true)
  public List<TokenInfo> listTokens(AccountId accountId) {
    account(accountId);
    return tokens.ofAccount(accountId).stream()
        .map(
            t ->
                new TokenInfo(
                    t.id(), t.accountId(), t.label(), t.createdAt(), t.expiresAt(), t.revokedAt()))
        .toList();
  }

  /**
   * Revokes a token; it stops working at once on this server. Revoking twice is harmless.
   *
   * @throws AccountNotFoundException (404) if the account has no such token
   */
  @Transactional
  public void revokeToken(AccountId accountId, long tokenId) {
    if (!tokens.revoke(accountId, tokenId, clock.instant())) {
      throw new AccountNotFoundException("Token " + tokenId + " of account " + accountId);
    }
    directory.forgetCaches();
  }

  private static String requireName(String name) {
    String trimmed = name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 200) {
      throw new InvalidRequestException("Invalid name", "name must have 1 to 200 characters");
    }
    return trimmed;
  }

  private static void requireLimit(int messagesPerSecond) {
    if (messagesPerSecond < 1 || messagesPerSecond > MAX_MESSAGES_PER_SECOND) {
      throw new InvalidRequestException(
          "Invalid limit",
          "messages_per_second must be between 1 and "
              + MAX_MESSAGES_PER_SECOND
              + ", was "
              + messagesPerSecond);
    }
  }

  private static long requireId(long id, String what) {
    if (id < 1 || id > Ids.MAX_SAFE_INTEGER) {
      throw new InvalidRequestException(
          "Invalid id", what + " must be between 1 and 2^53-1 (" + Ids.MAX_SAFE_INTEGER + ")");
    }
    return id;
  }

  /** The request conflicts with existing state: HTTP 409. */
  public static class ConflictException extends ApiException {
    public ConflictException(String details) {
      super(ErrorCode.CONFLICT, "Conflict", details);
    }
  }
}
