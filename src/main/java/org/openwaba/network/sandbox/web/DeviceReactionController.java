package org.openwaba.network.sandbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.network.sandbox.DeviceReactions;
import org.openwaba.platform.InternationalNumbers;
import org.openwaba.platform.JsonFields;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A sandbox device reacts to a message it received, or removes its reaction. */
@RestController
@Tag(name = "Sandbox")
@SecurityRequirement(name = "bearerToken")
class DeviceReactionController {

  private final DeviceReactions reactions;

  DeviceReactionController(DeviceReactions reactions) {
    this.reactions = reactions;
  }

  @PostMapping(
      path = "/v2/sandbox/devices/{number}/messages/{message_id}/react",
      consumes = "application/json",
      produces = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "The device reacts to a message it received",
      description =
          "Body: {\"emoji\": \"👍\"}: exactly one emoji (skin tones, flags, keycaps and ZWJ"
              + " sequences such as 👩‍👩‍👧 count as one), or \"\" to remove the reaction. The"
              + " business receives an inbound reaction message and a message webhook with"
              + " reaction {message_id, emoji}; the reacted message shows the reaction in"
              + " /v2/message-status and in this device's message list. The device must be online;"
              + " a message the device did not receive from this account answers 404.")
  DeviceSentView react(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String number,
      @PathVariable("message_id") String messageId,
      @RequestBody JsonNode body) {
    if (!body.isObject()) {
      throw JsonFields.invalid("", "the body must be a JSON object such as {\"emoji\": \"👍\"}");
    }
    return DeviceSentView.of(
        reactions.react(
            account.accountId(),
            InternationalNumbers.toE164(number, "number"),
            messageId,
            body.get("emoji")));
  }
}
