package org.openwaba.network.sandbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.network.sandbox.SandboxDevices;
import org.openwaba.platform.InternationalNumbers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A sandbox device's user taps a button or list row of a message it received, which answers the
 * business as a real phone would. Apart from {@code SandboxController} so each stays one job.
 */
@RestController
@Tag(name = "Sandbox", description = "Virtual devices of the sandbox network")
@SecurityRequirement(name = "bearerToken")
class DeviceTapController {

  private final SandboxDevices devices;

  DeviceTapController(SandboxDevices devices) {
    this.devices = devices;
  }

  @PostMapping(
      path = "/v2/sandbox/devices/{number}/messages/{message_id}/tap",
      consumes = "application/json",
      produces = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "The device taps a reply button, list row or template quick-reply button",
      description =
          "Body: {\"id\": \"…\"} for a reply button or list row of an interactive message, or"
              + " {\"index\": n} for the n-th button (from 0) of a template message. The business"
              + " receives an inbound message replying to the tapped one: type interactive with"
              + " button_reply {id, title} or list_reply {id, title, description}, or type button"
              + " with {text, payload} for a template's quick_reply button. Link, phone and"
              + " cta_url buttons act on the phone only and are refused (400), as are unknown ids."
              + " The device must be online; a message it did not receive from this account is"
              + " 404.")
  DeviceSentView tap(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String number,
      @PathVariable("message_id") String messageId,
      @RequestBody DeviceTapRequest request) {
    return DeviceSentView.of(
        devices.tap(
            account.accountId(),
            InternationalNumbers.toE164(number, "number"),
            messageId,
            request.id(),
            request.index()));
  }
}
