package org.openwaba.templates;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.Optional;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.AccountNotFoundException;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.templates.store.NotificationStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each account's notification address: where the seed's "receive email notification" of a template
 * review goes. Set by the operator through the admin API. Emails are sent only when the server has
 * an SMTP server configured ({@code spring.mail.host}). Thread-safe.
 */
@Service
public class NotificationAddresses {

  /** The longest address accepted, in characters (RFC 5321's path limit). */
  public static final int MAX_LENGTH = 254;

  private final NotificationStore store;
  private final AccountDirectory accounts;
  private final Clock clock;

  NotificationAddresses(NotificationStore store, AccountDirectory accounts, Clock clock) {
    this.store = store;
    this.accounts = accounts;
    this.clock = clock;
  }

  /**
   * Sets the account's notification address, replacing any earlier one.
   *
   * @return the address as stored (trimmed)
   * @throws AccountNotFoundException (404) if the account does not exist
   * @throws InvalidRequestException (400, 132000) if the address is not a plain email address of at
   *     most {@value #MAX_LENGTH} characters
   */
  @Transactional
  public String set(AccountId account, String email) {
    requireAccount(account);
    String address = email.strip();
    if (address.isEmpty() || address.length() > MAX_LENGTH || !isPlainAddress(address)) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_PARAMETER,
          "Invalid email",
          "email must be a plain address such as ops@example.com, at most "
              + MAX_LENGTH
              + " characters");
    }
    store.setAddress(account, address, clock.instant());
    return address;
  }

  /**
   * The account's notification address, if one is set.
   *
   * @throws AccountNotFoundException (404) if the account does not exist
   */
  @Transactional(readOnly = true)
  public Optional<String> get(AccountId account) {
    requireAccount(account);
    return store.address(account);
  }

  /**
   * Removes the account's notification address; no more emails are queued for it.
   *
   * @throws AccountNotFoundException (404) if the account does not exist
   */
  @Transactional
  public void clear(AccountId account) {
    requireAccount(account);
    store.clearAddress(account);
  }

  private void requireAccount(AccountId account) {
    if (accounts.find(account).isEmpty()) {
      throw new AccountNotFoundException("Account " + account);
    }
  }

  private static boolean isPlainAddress(String address) {
    try {
      InternetAddress parsed = new InternetAddress(address, true);
      return parsed.getPersonal() == null
          && parsed.getAddress().equals(address)
          && address.indexOf('@') > 0;
    } catch (AddressException e) {
      return false;
    }
  }
}
