package org.openwaba.templates.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.AccountNotFoundException;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.QueryParameters;
import org.openwaba.templates.NotificationAddresses;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operator sets where an account's template status emails go (admin API, admin key). */
@RestController
@Tag(name = "Admin", description = "Operator API, authenticated with the admin key")
@SecurityRequirement(name = "adminKey")
class NotificationAddressController {

  /**
   * @param email a plain address such as ops@example.com, at most 254 characters
   */
  record AddressRequest(@Nullable String email) {}

  /**
   * @param email null when none is set
   */
  record AddressResponse(String status, String accountId, @Nullable String email) {}

  private static final String PATH = "/admin/v1/accounts/{accountId}/notification-address";

  private final NotificationAddresses addresses;

  NotificationAddressController(NotificationAddresses addresses) {
    this.addresses = addresses;
  }

  @PutMapping(path = PATH, consumes = "application/json", produces = "application/json")
  @Operation(
      summary = "Set the account's notification address",
      description =
          "Every status change of the account's templates (approved, rejected with the reason,"
              + " paused, disabled) is emailed there, when the server has an SMTP server"
              + " configured (spring.mail.host).")
  AddressResponse set(
      @PathVariable long accountId, @RequestBody AddressRequest request, HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    if (request.email() == null) {
      throw new InvalidRequestException(
          ErrorCode.MISSING_PARAMETER, "Missing email", "email is required");
    }
    AccountId account = account(accountId);
    return new AddressResponse(
        "success", account.toString(), addresses.set(account, request.email()));
  }

  @GetMapping(path = PATH, produces = "application/json")
  @Operation(summary = "The account's notification address; no email field when none is set")
  AddressResponse get(@PathVariable long accountId, HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    AccountId account = account(accountId);
    return new AddressResponse("success", account.toString(), addresses.get(account).orElse(null));
  }

  @DeleteMapping(path = PATH, produces = "application/json")
  @Operation(summary = "Remove the account's notification address: no more emails")
  AddressResponse clear(@PathVariable long accountId, HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    AccountId account = account(accountId);
    addresses.clear(account);
    return new AddressResponse("success", account.toString(), null);
  }

  private static AccountId account(long id) {
    if (id <= 0) {
      throw new AccountNotFoundException("Account " + id);
    }
    return new AccountId(id);
  }
}
