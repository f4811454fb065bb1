package org.openwaba.messaging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.messaging.AcceptedMessage;
import org.openwaba.messaging.MessageSender;
import org.openwaba.messaging.SendMediaCommand;
import org.openwaba.messaging.SentMedia;
import org.openwaba.platform.QueryParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The seed specification's {@code POST /send-media}, exactly as written there. */
@RestController
@Tag(name = "Messages (seed API)")
@SecurityRequirement(name = "bearerToken")
class SeedMediaMessagesController {

  private final MessageSender sender;

  SeedMediaMessagesController(MessageSender sender) {
    this.sender = sender;
  }

  @PostMapping(
      path = "/v2/send-media",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Send an image, video, document, audio or sticker",
      description =
          "media_url (https) is fetched before the answer, so every problem with the file is this"
              + " call's 400 (code 131053, details naming the cause); or media_id of uploaded"
              + " media. Formats: image JPEG/PNG up to 5 MB; video MP4/3GPP up to 16 MB; document"
              + " PDF/DOCX/XLSX/PPTX/TXT up to 100 MB; audio MP3/OGG up to 16 MB; sticker WEBP up"
              + " to 100 KB (500 KB animated). The type is detected from the bytes. caption (up to"
              + " 1024 characters) only for image, video and document.")
  SendMediaResponse sendMedia(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @Valid @RequestBody SendMediaRequest request,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    SentMedia sent =
        sender.sendMedia(
            account,
            new SendMediaCommand(
                request.phoneNumber(),
                request.mediaType(),
                request.mediaUrl(),
                request.mediaId(),
                request.caption(),
                request.filename()));
    AcceptedMessage accepted = sent.accepted();
    return new SendMediaResponse(
        "success",
        accepted.id().value(),
        accepted.acceptedAt().truncatedTo(ChronoUnit.SECONDS).toString(),
        accepted.recipient(),
        sent.mediaId().toString(),
        sent.warnings().isEmpty() ? null : sent.warnings());
  }
}
