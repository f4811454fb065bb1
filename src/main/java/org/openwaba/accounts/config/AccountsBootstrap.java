package org.openwaba.accounts.config;

import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountAdministration;
import org.openwaba.accounts.PhoneNumber;
import org.openwaba.accounts.store.AccountStore;
import org.openwaba.platform.PlatformProperties;
import org.openwaba.platform.SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks the admin key at start-up and, on an empty store, creates the default sandbox account and
 * prints its credentials once, the way a notebook server prints its login token. This is the one
 * place a token is ever written to the log, and only because nothing else could tell the user what
 * it is; it is never printed again.
 */
@Component
class AccountsBootstrap
    implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(AccountsBootstrap.class);

  private final AccountsProperties properties;
  private final SqlDialect dialect;
  private final AccountStore accounts;
  private final AccountAdministration administration;
  private final TransactionTemplate transactions;
  private final PlatformProperties platform;
  private @Nullable String banner;

  AccountsBootstrap(
      AccountsProperties properties,
      SqlDialect dialect,
      AccountStore accounts,
      AccountAdministration administration,
      TransactionTemplate transactions,
      PlatformProperties platform) {
    this.properties = properties;
    this.dialect = dialect;
    this.accounts = accounts;
    this.administration = administration;
    this.transactions = transactions;
    this.platform = platform;
  }

  @Override
  public void afterSingletonsInstantiated() {
    String refusal = AdminKeyPolicy.refusal(properties.adminKey(), dialect.isProductionStore());
    if (refusal != null) {
      throw new IllegalStateException("Refusing to start: " + refusal);
    }
    AccountsProperties.Bootstrap bootstrap = properties.bootstrap();
    boolean wanted = properties.adminKey() == null || bootstrap.token() != null;
    if (!wanted) {
      return;
    }
    transactions.executeWithoutResult(
        status -> {
          if (accounts.isEmpty()) {
            create(bootstrap);
          }
        });
  }

  private void create(AccountsProperties.Bootstrap bootstrap) {
    var created =
        administration.createAccount(
            bootstrap.accountId(),
            "Default sandbox account",
            bootstrap.messagesPerSecond(),
            bootstrap.appSecret());
    PhoneNumber number =
        administration.addPhoneNumber(
            created.account().id(), bootstrap.phoneNumberId(), bootstrap.phoneNumber(), "sandbox");
    var token =
        administration.issueToken(created.account().id(), "bootstrap", null, bootstrap.token());
    String banner =
        """

        ==========================================================================
         OpenWABA created a default sandbox account on this empty store.
           account id (WABA id):  %s
           phone number:          %s  (phone_number_id %s, network sandbox)
           access token:          %s
           app secret:            %s
         These are shown once: only a hash of the token is kept.
         Try it:
           curl -X POST {base}/v2/send-message \\
             -H "Authorization: Bearer <access token>" -H "Content-Type: application/json" \\
             -d '{"phone_number": "+14155552671", "message": "Hello! *bold*"}'
        ==========================================================================
        """
            .formatted(
                created.account().id(),
                number.displayPhoneNumber(),
                number.id(),
                bootstrap.token() == null ? token.token() : "(as configured)",
                bootstrap.appSecret() == null ? created.appSecret() : "(as configured)");
    this.banner = banner;
  }

  /** Printed once the server listens, so that the example names the real address. */
  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    String text = banner;
    if (text == null) {
      return;
    }
    banner = null;
    String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
    String base =
        platform.publicBaseUrl() != null
            ? platform.publicBaseUrl().toString().replaceAll("/+$", "")
            : "http://localhost:" + (port == null ? "8080" : port);
    log.info(text.replace("{base}", base));
  }
}
