package org.openwaba.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.config.AccountsProperties;
import org.openwaba.accounts.store.AccountStore;
import org.openwaba.accounts.store.PhoneNumberStore;
import org.openwaba.accounts.store.TokenStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up accounts and their phone numbers, and authenticates bearer tokens. Thread-safe.
 *
 * <p>Successful token look-ups are cached for {@code openwaba.accounts.token-cache-ttl} (default 5
 * s) so that the send path does not read the store per request. A revocation or limit change made
 * through this server clears the cache at once; one made by another node of a cluster takes effect
 * within the TTL.
 */
@Service
public class AccountDirectory {

  private record CachedToken(
      long tokenId,
      AccountId accountId,
      int messagesPerSecond,
      @Nullable Instant expiresAt,
      boolean revoked) {}

  private final AccountStore accounts;
  private final PhoneNumberStore phoneNumbers;
  private final TokenStore tokens;
  private final Clock clock;
  private final Cache<String, CachedToken> tokenCache;
  private final Cache<AccountId, PhoneNumber> defaultNumbers;
  private final Cache<PhoneNumberId, PhoneNumber> numbersById;

  AccountDirectory(
      AccountStore accounts,
      PhoneNumberStore phoneNumbers,
      TokenStore tokens,
      Clock clock,
      AccountsProperties properties) {
    this.accounts = accounts;
    this.phoneNumbers = phoneNumbers;
    this.tokens = tokens;
    this.clock = clock;
    Duration ttl = properties.tokenCacheTtl();
    this.tokenCache = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl).build();
    this.defaultNumbers = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl).build();
    this.numbersById = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(ttl).build();
  }

  /**
   * Resolves a bearer token to its account.
   *
   * @throws InvalidTokenException (131030) if the token is malformed, unknown, expired or revoked
   */
  public AuthenticatedAccount authenticate(String token) {
    if (!AccessTokens.isWellFormed(token)) {
      throw new InvalidTokenException("The access token is malformed");
    }
    String hash = AccessTokens.hash(token);
    CachedToken cached = tokenCache.getIfPresent(hash);
    if (cached == null) {
      cached = load(hash);
      tokenCache.put(hash, cached);
    }
    if (cached.revoked()) {
      throw new InvalidTokenException("The access token was revoked");
    }
    if (cached.expiresAt() != null && !clock.instant().isBefore(cached.expiresAt())) {
      throw new InvalidTokenException("The access token expired at " + cached.expiresAt());
    }
    return new AuthenticatedAccount(
        cached.accountId(), cached.messagesPerSecond(), cached.tokenId(), cached.expiresAt());
  }

  private CachedToken load(String hash) {
    TokenStore.StoredToken token =
        tokens
            .findByHash(hash)
            .orElseThrow(() -> new InvalidTokenException("The access token is not known"));
    Account account =
        accounts
            .find(token.accountId())
            .orElseThrow(() -> new InvalidTokenException("The access token is not known"));
    return new CachedToken(
        token.id(),
        account.id(),
        account.messagesPerSecond(),
        token.expiresAt(),
        token.revokedAt() != null);
  }

  /** Forgets cached look-ups, after a revocation, a new phone number or a change of limits. */
  void forgetCaches() {
    tokenCache.invalidateAll();
    defaultNumbers.invalidateAll();
    numbersById.invalidateAll();
  }

  /** The account with this id, if it exists. */
  @Transactional(readOnly = true)
  public Optional<Account> find(AccountId id) {
    return accounts.find(id);
  }

  /**
   * The account's app secret, which signs its webhooks; empty if the account does not exist. Never
   * log it.
   */
  @Transactional(readOnly = true)
  public Optional<String> appSecret(AccountId id) {
    return accounts.appSecret(id);
  }

  /** The account's phone numbers, oldest first; the first is its default sender. */
  @Transactional(readOnly = true)
  public List<PhoneNumber> phoneNumbers(AccountId accountId) {
    return phoneNumbers.ofAccount(accountId);
  }

  /**
   * The account's phone number with this id.
   *
   * @throws AccountNotFoundException (404) if it does not exist or belongs to another account
   */
  @Transactional(readOnly = true)
  public PhoneNumber phoneNumber(AccountId accountId, PhoneNumberId id) {
    return phoneNumbers
        .find(id)
        .filter(number -> number.accountId().equals(accountId))
        .orElseThrow(() -> new AccountNotFoundException("Phone number " + id));
  }

  /**
   * The phone number the account sends from when a request names none: its oldest. Cached like
   * tokens, because every send needs it.
   *
   * @throws AccountNotFoundException (404) if the account has no phone number
   */
  public PhoneNumber defaultPhoneNumber(AccountId accountId) {
    PhoneNumber cached = defaultNumbers.getIfPresent(accountId);
    if (cached != null) {
      return cached;
    }
    PhoneNumber number =
        phoneNumbers.ofAccount(accountId).stream()
            .findFirst()
            .orElseThrow(
                () -> new AccountNotFoundException("A phone number for account " + accountId));
    defaultNumbers.put(accountId, number);
    return number;
  }

  /**
   * The account's phone number with this id, for sending from it (the Cloud API's {@code
   * /{phone_number_id}/messages}). Cached like tokens, because every send needs it.
   *
   * @throws AccountNotFoundException (404) if it does not exist or belongs to another account
   */
  public PhoneNumber sendingNumber(AccountId accountId, PhoneNumberId id) {
    PhoneNumber number = numbersById.getIfPresent(id);
    if (number == null) {
      number =
          phoneNumbers
              .find(id)
              .orElseThrow(() -> new AccountNotFoundException("Phone number " + id));
      numbersById.put(id, number);
    }
    if (!number.accountId().equals(accountId)) {
      throw new AccountNotFoundException("Phone number " + id);
    }
    return number;
  }

  /** The business phone number with this E.164 display number, whoever owns it. */
  @Transactional(readOnly = true)
  public Optional<PhoneNumber> findByDisplayNumber(String e164) {
    return phoneNumbers.findByDisplayNumber(e164);
  }
}
