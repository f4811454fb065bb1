package org.openwaba.messaging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.openwaba.accounts.AccountNotFoundException;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.AcceptedMessage;
import org.openwaba.messaging.MessageQueries;
import org.openwaba.messaging.MessageSender;
import org.openwaba.messaging.SendCommand;
import org.openwaba.messaging.SentMessage;
import org.openwaba.platform.ApiDoors;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.JsonFields;
import org.openwaba.platform.QueryParameters;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The Cloud API's send endpoint, {@code POST /{version}/{phone_number_id}/messages}: reads Meta's
 * envelope into the same {@link SendCommand} that {@code POST /v2/messages} builds and answers in
 * Meta's shape. Every type's rules, limits and acceptance are {@link MessageSender}'s, shared with
 * the seed's doors.
 */
@RestController
@Tag(name = "Cloud API: messages")
@SecurityRequirement(name = "bearerToken")
class CloudMessagesController {

  private final MessageSender sender;
  private final MessageQueries queries;

  CloudMessagesController(MessageSender sender, MessageQueries queries) {
    this.queries = queries;
    this.sender = sender;
  }

  /** The answer to marking a message as read: {@code {"success": true}}. */
  record Success(boolean success) {}

  @PostMapping(
      path = ApiDoors.CLOUD + "/{phoneNumberId}/messages",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Send a message (Cloud API shape)",
      description =
          "Meta's request and answer: messaging_product \"whatsapp\" (required), to (digits with"
              + " the country code, with or without +), type (text when absent: text, image,"
              + " audio, video, document, sticker, location, contacts, interactive, template,"
              + " reaction) and the type's object, context.message_id to reply. A reaction names"
              + " a message of the same conversation in reaction.message_id and has exactly one"
              + " emoji in reaction.emoji, or \"\" to remove it; it is reported sent only. The"
              + " phone number"
              + " id must be one of the caller's. Answers contacts[{input, wa_id}] and"
              + " messages[{id, message_status}]. Marking a received message as read:"
              + " {\"messaging_product\": \"whatsapp\", \"status\": \"read\", \"message_id\": …}"
              + " answers {\"success\": true}. Errors use Meta's envelope and codes (131008"
              + " missing, 131009 invalid, 131051 unsupported type, 131053 media, 100/33 unknown"
              + " phone number id). Templates: an APPROVED template of the account by name and"
              + " language.code (132001, HTTP 404, when missing, in another language, pending or"
              + " rejected; 132015 paused; 132016 disabled); parameters that fit its"
              + " placeholders, header (text, image/video/document by id or link, location) and"
              + " buttons (quick_reply payload, url suffix; index as string or number), else"
              + " 132000 with expected and given counts; a filled body over 1024 characters is"
              + " 132005. Interactive messages are button (reply buttons), list or cta_url, with"
              + " Meta's limits; its other interactive types answer 131051.")
  Object send(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @Parameter(description = "Graph API version, such as v24.0") @PathVariable String version,
      @PathVariable String phoneNumberId,
      @RequestBody JsonNode request,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    PhoneNumberId from = phoneNumberId(phoneNumberId);
    JsonNode body = MessageRequests.body(request);
    MessageRequests.requireWhatsApp(body, true);
    String status = JsonFields.optionalText(body, "status", "", 64);
    if (status != null) {
      if (!status.equals("read")) {
        throw new InvalidRequestException(
            ErrorCode.INVALID_PARAMETER,
            "Invalid status",
            "status must be 'read' to mark a received message as read, was '" + status + "'");
      }
      queries.markRead(account.accountId(), from, JsonFields.text(body, "message_id", "", 256));
      return new Success(true);
    }
    SendCommand command = MessageRequests.command(body, from);
    SentMessage sent = sender.send(account, command);
    AcceptedMessage accepted = sent.accepted();
    return new CloudMessageResponse(
        "whatsapp",
        List.of(new CloudMessageResponse.Contact(command.to(), accepted.recipient().substring(1))),
        List.of(new CloudMessageResponse.Sent(accepted.id().value(), "accepted")));
  }

  private static PhoneNumberId phoneNumberId(String id) {
    try {
      long value = Long.parseLong(id);
      if (value > 0) {
        return new PhoneNumberId(value);
      }
    } catch (NumberFormatException e) {
      // not a phone number id: answered like an unknown one
    }
    throw new AccountNotFoundException("Object with ID '" + id + "'");
  }
}
