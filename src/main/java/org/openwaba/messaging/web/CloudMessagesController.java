package org.openwaba.messaging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountNotFoundException;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.messaging.AcceptedMessage;
import org.openwaba.messaging.MessageQueries;
import org.openwaba.messaging.MessageSender;
import org.openwaba.messaging.SendTextCommand;
import org.openwaba.platform.ApiDoors;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.QueryParameters;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Cloud API's send endpoint, {@code POST /{version}/{phone_number_id}/messages}: translates
 * Meta's request into the same {@link SendTextCommand} the seed's door builds and answers in Meta's
 * shape. Validation, limits and acceptance are {@link MessageSender}'s, shared with the seed door.
 */
@RestController
@Tag(name = "Cloud API: messages")
@SecurityRequirement(name = "bearerToken")
class CloudMessagesController {

  /** Types of Meta's send endpoint that this server does not send yet (answered 131051). */
  private static final Set<String> NOT_YET =
      Set.of(
          "image",
          "audio",
          "video",
          "document",
          "sticker",
          "location",
          "contacts",
          "interactive",
          "template",
          "reaction");

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
              + " the country code, with or without +), type \"text\" with text.body (1 to 4096"
              + " characters) and text.preview_url, context.message_id to reply. The phone number"
              + " id must be one of the caller's. Answers contacts[{input, wa_id}] and"
              + " messages[{id}]. Marking a received message as read: {\"messaging_product\":"
              + " \"whatsapp\", \"status\": \"read\", \"message_id\": …} answers {\"success\": true}."
              + " Errors use Meta's envelope and codes (131008 missing,"
              + " 131009 invalid, 131051 unsupported type, 100/33 unknown phone number id).")
  Object send(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @Parameter(description = "Graph API version, such as v24.0") @PathVariable String version,
      @PathVariable String phoneNumberId,
      @RequestBody CloudMessageRequest request,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    PhoneNumberId from = phoneNumberId(phoneNumberId);
    requireWhatsApp(request.messagingProduct());
    if (request.status() != null) {
      if (!request.status().equals("read")) {
        throw new InvalidRequestException(
            ErrorCode.INVALID_PARAMETER,
            "Invalid status",
            "status must be 'read' to mark a received message as read, was '"
                + request.status()
                + "'");
      }
      queries.markRead(account.accountId(), from, required(request.messageId(), "message_id"));
      return new Success(true);
    }
    if ("group".equals(request.recipientType())) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_PARAMETER,
          "Unsupported recipient type",
          "recipient_type must be individual; groups are not supported");
    }
    String to = required(request.to(), "to");
    String type = request.type() == null ? "text" : request.type();
    if (NOT_YET.contains(type)) {
      throw new InvalidRequestException(
          ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
          "Unsupported message type",
          "type '" + type + "' is not supported by this server yet; send type text");
    }
    if (!type.equals("text")) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_PARAMETER,
          "Invalid message type",
          "type must be one of text, image, audio, video, document, sticker, location, contacts,"
              + " interactive, template, reaction; was '"
              + type
              + "'");
    }
    CloudMessageRequest.Text text = request.text();
    if (text == null) {
      throw missing("text");
    }
    String body = required(text.body(), "text.body");
    CloudMessageRequest.Context context = request.context();
    String replyTo = context == null ? null : required(context.messageId(), "context.message_id");
    AcceptedMessage accepted =
        sender.sendText(
            account,
            new SendTextCommand(
                withPlus(to),
                body,
                Boolean.TRUE.equals(text.previewUrl()),
                replyTo,
                from,
                SendTextCommand.Fields.CLOUD));
    return new CloudMessageResponse(
        "whatsapp",
        List.of(new CloudMessageResponse.Contact(to, accepted.recipient().substring(1))),
        List.of(new CloudMessageResponse.Sent(accepted.id().value(), "accepted")));
  }

  private static void requireWhatsApp(@Nullable String product) {
    if (product == null) {
      throw missing("messaging_product");
    }
    if (!product.equals("whatsapp")) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_PARAMETER,
          "Invalid messaging_product",
          "messaging_product must be \"whatsapp\", was '" + product + "'");
    }
  }

  /** Meta accepts the recipient with or without the leading +; the pipeline wants it. */
  private static String withPlus(String to) {
    String trimmed = to.strip();
    return trimmed.startsWith("+") ? trimmed : "+" + trimmed;
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

  private static String required(@Nullable String value, String field) {
    if (value == null) {
      throw missing(field);
    }
    return value;
  }

  private static InvalidRequestException missing(String field) {
    return new InvalidRequestException(
        ErrorCode.MISSING_PARAMETER, "Missing " + field, field + " is required");
  }
}
