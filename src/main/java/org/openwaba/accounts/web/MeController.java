package org.openwaba.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AuthenticatedAccount;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells a caller which account its token belongs to. Answered from the token cache alone, it is
 * also the cheapest authenticated endpoint, the baseline the benchmark compares sends with.
 */
@RestController
@Tag(name = "Account")
@SecurityRequirement(name = "bearerToken")
class MeController {

  record MeView(String accountId, int messagesPerSecond, @Nullable Instant tokenExpiresAt) {}

  @GetMapping(path = "/v2/me", produces = "application/json")
  @Operation(summary = "The account and limits of the presented access token")
  MeView me(@Parameter(hidden = true) AuthenticatedAccount account) {
    return new MeView(
        account.accountId().toString(), account.messagesPerSecond(), account.tokenExpiresAt());
  }
}
