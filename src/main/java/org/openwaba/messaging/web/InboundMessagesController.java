package org.openwaba.messaging.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.messaging.InboundMessage;
import org.openwaba.messaging.MessageQueries;
import org.openwaba.network.DeviceMedia;
import org.openwaba.platform.InternationalNumbers;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.QueryParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The messages users sent to the account's numbers, newest first. */
@RestController
@Tag(name = "Messages (seed API)")
@SecurityRequirement(name = "bearerToken")
class InboundMessagesController {

  @JsonInclude(JsonInclude.Include.ALWAYS)
  record InboundView(
      String messageId,
      String from,
      String profileName,
      String phoneNumberId,
      String type,
      String text,
      @Nullable String replyTo,
      String timestamp,
      @Nullable DeviceMedia media,
      @Nullable String readAt,
      @JsonRawValue @Nullable String content,
      MessageStatusResponse.@Nullable ReactionView reaction) {

    static InboundView of(InboundMessage m) {
      return new InboundView(
          m.id().value(),
          m.from(),
          m.profileName(),
          Long.toString(m.phoneNumberId().value()),
          m.type(),
          m.body(),
          m.contextId(),
          m.receivedAt().toString(),
          m.media(),
          m.readAt() == null ? null : m.readAt().toString(),
          m.content(),
          MessageStatusResponse.ReactionView.of(m.reaction()));
    }
  }

  record InboundListResponse(String status, List<InboundView> messages) {}

  private final MessageQueries queries;

  InboundMessagesController(MessageQueries queries) {
    this.queries = queries;
  }

  @GetMapping(path = "/v2/inbound-messages", produces = "application/json")
  @Operation(
      summary = "Messages users sent to the account's numbers, newest first",
      description =
          "from: only those from this number (E.164); before: an ISO-8601 time, for the next"
              + " page (the timestamp of the last message of this one); limit 1 to 1000, default"
              + " 100")
  InboundListResponse list(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(defaultValue = "100") int limit,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of("from", "before", "limit"));
    String sender = from == null ? null : InternationalNumbers.toE164(from, "from");
    return new InboundListResponse(
        "success",
        queries.inbound(account.accountId(), sender, instant(before), limit).stream()
            .map(InboundView::of)
            .toList());
  }

  private static Optional<Instant> instant(@Nullable String before) {
    if (before == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(before));
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(
          "Invalid before", "before must be an ISO-8601 time such as 2026-11-25T10:00:00Z");
    }
  }
}
