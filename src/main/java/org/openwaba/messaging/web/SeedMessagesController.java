package org.openwaba.messaging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.messaging.AcceptedMessage;
import org.openwaba.messaging.MessageError;
import org.openwaba.messaging.MessageQueries;
import org.openwaba.messaging.MessageSender;
import org.openwaba.messaging.MessageState;
import org.openwaba.messaging.SendTextCommand;
import org.openwaba.messaging.SentMessage;
import org.openwaba.platform.QueryParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The seed specification's text endpoints, exactly as written there. */
@RestController
@Tag(name = "Messages (seed API)")
@SecurityRequirement(name = "bearerToken")
class SeedMessagesController {

  private final MessageSender sender;
  private final MessageQueries queries;

  SeedMessagesController(MessageSender sender, MessageQueries queries) {
    this.sender = sender;
    this.queries = queries;
  }

  @PostMapping(
      path = "/v2/send-message",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Send a text message",
      description =
          "Accepted means durably stored: delivery follows asynchronously. The message is 1 to"
              + " 4096 characters counted as Unicode code points.")
  SendMessageResponse sendMessage(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @Valid @RequestBody SendMessageRequest request,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    AcceptedMessage accepted =
        sender.sendText(
            account,
            new SendTextCommand(
                request.phoneNumber(),
                request.message(),
                Boolean.TRUE.equals(request.previewUrl()),
                request.replyTo()));
    return new SendMessageResponse(
        "success", accepted.id().value(), timestamp(accepted.acceptedAt()), accepted.recipient());
  }

  @PostMapping(path = "/v2/messages", consumes = "application/json", produces = "application/json")
  @Operation(
      summary = "Send a message of any type (Meta's message shape, seed envelope)",
      description =
          "The seed's usage example: to (digits with the country code, with or without +), type"
              + " (text when absent: text, image, audio, video, document, sticker, location,"
              + " contacts, interactive, template, reaction) and the type's object as in the Cloud"
              + " API, context.message_id to reply (a reaction: reaction.message_id of this"
              + " conversation and exactly one emoji, or \"\" to remove). The same rules and"
              + " limits as the Cloud API's /messages; answers and errors in the seed's envelope"
              + " and codes. A template message names an APPROVED template of the account by"
              + " template.name and template.language.code (134000, HTTP 404, when it is missing,"
              + " in another language, or not approved, paused or disabled: details say which);"
              + " its parameters must fit the template's placeholders, header and buttons (132000"
              + " naming expected and given counts). Interactive messages are button (reply"
              + " buttons), list or cta_url.")
  SendMessageResponse messages(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @RequestBody JsonNode request,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    JsonNode body = MessageRequests.body(request);
    MessageRequests.requireWhatsApp(body, false);
    SentMessage sent = sender.send(account, MessageRequests.command(body, null));
    AcceptedMessage accepted = sent.accepted();
    return new SendMessageResponse(
        "success", accepted.id().value(), timestamp(accepted.acceptedAt()), accepted.recipient());
  }

  @GetMapping(path = "/v2/message-status", produces = "application/json")
  @Operation(
      summary = "Check the delivery status of a sent message",
      description =
          "Statuses: sent, delivered, read, failed (with an error). reaction is the recipient's"
              + " current reaction ({emoji, at}) or null. A reaction message itself stays sent:"
              + " Meta reports no delivered or read for reactions. A message of another account"
              + " answers 404, like one that does not exist.")
  MessageStatusResponse messageStatus(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @RequestParam("message_id") String messageId,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of("message_id"));
    MessageState state = queries.status(account.accountId(), messageId);
    MessageError error = state.error();
    return new MessageStatusResponse(
        state.status().apiName(),
        state.id().value(),
        timestamp(state.statusAt()),
        state.recipient(),
        error == null
            ? null
            : new MessageStatusResponse.ErrorView(
                error.code(), error.title(), error.title(), error.details()),
        MessageStatusResponse.ReactionView.of(state.reaction()));
  }

  /** The seed's timestamps are ISO-8601 in UTC to the second, e.g. 2025-04-27T12:00:00Z. */
  private static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
