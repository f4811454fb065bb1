package org.openwaba.network.sandbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.network.MessageContents;
import org.openwaba.network.sandbox.DeviceSentMessage;
import org.openwaba.network.sandbox.SandboxDevice;
import org.openwaba.network.sandbox.SandboxDevices;
import org.openwaba.platform.InternationalNumbers;
import org.openwaba.platform.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The sandbox API: look at a virtual device, switch it on or off line, list what it received and
 * make it read a message. {@code {number}} is in international format with its {@code +}, literal
 * or encoded as {@code %2B}.
 */
@RestController
@RequestMapping(path = "/v2/sandbox/devices/{number}", produces = "application/json")
@Tag(name = "Sandbox", description = "Virtual devices of the sandbox network")
@SecurityRequirement(name = "bearerToken")
class SandboxController {

  record ListView<T>(List<T> data) {}

  private final SandboxDevices devices;

  SandboxController(SandboxDevices devices) {
    this.devices = devices;
  }

  @GetMapping
  @Operation(summary = "A sandbox device's state: online, behaviour and message counts")
  DeviceView device(
      @Parameter(hidden = true) AuthenticatedAccount account, @PathVariable String number) {
    return DeviceView.of(devices.device(account.accountId(), e164(number)));
  }

  @PatchMapping(consumes = "application/json")
  @Operation(
      summary = "Switch a sandbox device on or off line, or change its profile name",
      description =
          "Body: {\"online\": true|false} and/or {\"profile_name\": \"…\"} (1 to 256"
              + " characters). Switching it online delivers the messages waiting on it, in order;"
              + " a new profile name reaches the business as a contact_update event")
  DeviceView change(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String number,
      @RequestBody DeviceChangeRequest request) {
    if (request.online() == null && request.profileName() == null) {
      throw new InvalidRequestException(
          "Nothing to change", "give online (true or false), profile_name, or both");
    }
    String device = e164(number);
    SandboxDevice state = null;
    if (request.profileName() != null) {
      state = devices.setProfileName(account.accountId(), device, request.profileName());
    }
    if (request.online() != null) {
      state = devices.setOnline(account.accountId(), device, request.online());
    }
    return DeviceView.of(state);
  }

  @PostMapping(path = "/send", consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "The device sends a text, a location or contact cards to the business",
      description =
          "Body: {\"type\": \"text\" (default), \"location\" or \"contacts\", \"text\": \"…\","
              + " \"location\": {latitude, longitude, name, address}, \"contacts\": [cards in"
              + " Meta's shape], \"to\": business number (default: the account's first),"
              + " \"reply_to\": a message the device received}. Locations and cards follow the"
              + " same rules as the business's own. The business receives it as an inbound"
              + " message and a message webhook event. The device must be online.")
  DeviceSentView send(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String number,
      @RequestBody DeviceSendRequest request) {
    String type = request.type() == null ? "text" : request.type();
    DeviceSentMessage sent =
        switch (type) {
          case "text" ->
              devices.sendToBusiness(
                  account.accountId(),
                  e164(number),
                  request.to(),
                  request.text(),
                  request.replyTo());
          case "location" ->
              devices.sendStructuredToBusiness(
                  account.accountId(),
                  e164(number),
                  request.to(),
                  type,
                  MessageContents.location(request.location(), "location"),
                  "",
                  request.replyTo());
          case "contacts" ->
              devices.sendStructuredToBusiness(
                  account.accountId(),
                  e164(number),
                  request.to(),
                  type,
                  MessageContents.contacts(request.contacts(), "contacts"),
                  "",
                  request.replyTo());
          default ->
              throw new InvalidRequestException(
                  "Invalid type", "type must be text, location or contacts; was '" + type + "'");
        };
    return DeviceSentView.of(sent);
  }

  @PostMapping(path = "/send-media", consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "The device sends media to the business",
      description =
          "Multipart: file (required; the type is detected from the bytes, with the same formats"
              + " and limits as uploads), type (the declared MIME type, optional), caption (image,"
              + " video and document only), to, reply_to. The business receives a message webhook"
              + " with the media id and downloads the bytes through the media API.")
  DeviceSentView sendMedia(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String number,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(name = "type", required = false) @Nullable String type,
      @RequestParam(name = "caption", required = false) @Nullable String caption,
      @RequestParam(name = "to", required = false) @Nullable String to,
      @RequestParam(name = "reply_to", required = false) @Nullable String replyTo) {
    if (file == null) {
      throw new InvalidRequestException(
          "Missing file", "Send the media as the multipart part named 'file'");
    }
    try (InputStream in = file.getInputStream()) {
      return DeviceSentView.of(
          devices.sendMediaToBusiness(
              account.accountId(),
              e164(number),
              to,
              in,
              file.getOriginalFilename(),
              type,
              caption,
              replyTo));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the uploaded part", e);
    }
  }

  @GetMapping("/messages")
  @Operation(summary = "The messages a sandbox device received from this account, newest last")
  ListView<MessageView> messages(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String number,
      @Parameter(description = "How many of the newest messages to return, 1 to 1000")
          @RequestParam(defaultValue = "100")
          int limit) {
    return new ListView<>(
        devices.messages(account.accountId(), e164(number), limit).stream()
            .map(MessageView::of)
            .toList());
  }

  @PostMapping("/messages/{message_id}/read")
  @Operation(
      summary = "The device reads a message",
      description = "Reports DELIVERED first if needed, then READ; reading twice is harmless")
  MessageView read(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String number,
      @PathVariable("message_id") String messageId) {
    return MessageView.of(devices.read(account.accountId(), e164(number), messageId));
  }

  private static String e164(String number) {
    return InternationalNumbers.toE164(number, "number");
  }
}
