package org.openwaba.media.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.AccountNotFoundException;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.media.Media;
import org.openwaba.media.MediaId;
import org.openwaba.media.MediaLibrary;
import org.openwaba.platform.ApiDoors;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.QueryParameters;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Cloud API's media upload and delete (reference §5), in Meta's shapes and error codes; the
 * metadata is {@link CloudMediaNodes}. Checks and storage are {@link MediaLibrary}'s, shared with
 * the seed door.
 */
@RestController
@Tag(name = "Cloud API: media")
@SecurityRequirement(name = "bearerToken")
class CloudMediaController {

  private static final Set<String> UPLOAD_FIELDS = Set.of("type", "messaging_product");

  private final MediaLibrary library;
  private final AccountDirectory directory;

  CloudMediaController(MediaLibrary library, AccountDirectory directory) {
    this.library = library;
    this.directory = directory;
  }

  /** The answer to a deletion: {@code {"success": true}}. */
  record Success(boolean success) {}

  @PostMapping(
      path = ApiDoors.CLOUD + "/{phoneNumberId}/media",
      consumes = "multipart/form-data",
      produces = "application/json")
  @Operation(
      summary = "Upload media (Cloud API shape)",
      description =
          "Multipart with Meta's fields: file (required), messaging_product \"whatsapp\""
              + " (required, as a form field or a query parameter, as whatsapp-api-js sends it),"
              + " type (the MIME type, optional; must match the bytes). The phone number id must"
              + " be one of the caller's. Answers {\"id\": media id}. The same formats and limits"
              + " as POST /v2/media. Errors in Meta's envelope: 131008 missing, 131009 invalid,"
              + " 131053 media refused (the details say why), 100/33 unknown phone number id.")
  UploadResponse upload(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @Parameter(description = "Graph API version, such as v24.0") @PathVariable String version,
      @PathVariable String phoneNumberId,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(name = "type", required = false) @Nullable String type,
      @RequestParam(name = "messaging_product", required = false) @Nullable String product,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, UPLOAD_FIELDS);
    requireOwnNumber(account.accountId(), phoneNumberId);
    requireWhatsApp(product);
    if (file == null) {
      throw new InvalidRequestException(
          ErrorCode.MISSING_PARAMETER,
          "Missing file",
          "file is required: send the media as the multipart part named 'file'");
    }
    try (InputStream in = file.getInputStream()) {
      Media media = library.upload(account.accountId(), in, file.getOriginalFilename(), type);
      return new UploadResponse(media.id().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the uploaded part", e);
    }
  }

  // The only DELETE on a bare node id: Meta deletes templates through their account's
  // message_templates edge, so no other module needs this route. Named {id} as in the nodes
  // controller's GET, so that OpenAPI lists both methods under one path.
  @DeleteMapping(path = ApiDoors.CLOUD + "/{id}", produces = "application/json")
  @Operation(
      summary = "Delete media (Cloud API shape)",
      description =
          "The id stops working at once, also for downloads; answers {\"success\": true}."
              + " ?phone_number_id= is optional and must be one of the caller's. An unknown,"
              + " expired or other account's id answers Meta's 100 with subcode 33.")
  Success delete(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @Parameter(description = "Graph API version, such as v24.0") @PathVariable String version,
      @PathVariable("id") String mediaId,
      @RequestParam(name = "phone_number_id", required = false) @Nullable String phoneNumberId,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of("phone_number_id"));
    if (phoneNumberId != null) {
      requireOwnNumber(account.accountId(), phoneNumberId);
    }
    library.delete(account.accountId(), MediaId.parse(mediaId));
    return new Success(true);
  }

  private void requireOwnNumber(AccountId caller, String phoneNumberId) {
    try {
      long value = Long.parseLong(phoneNumberId);
      if (value > 0) {
        directory.phoneNumber(caller, new PhoneNumberId(value));
        return;
      }
    } catch (NumberFormatException e) {
      // not a phone number id: answered like an unknown one
    }
    throw new AccountNotFoundException("Object with ID '" + phoneNumberId + "'");
  }

  private static void requireWhatsApp(@Nullable String product) {
    if (product == null) {
      throw new InvalidRequestException(
          ErrorCode.MISSING_PARAMETER,
          "Missing messaging_product",
          "messaging_product is required: send messaging_product=whatsapp");
    }
    if (!product.equals("whatsapp")) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_PARAMETER,
          "Invalid messaging_product",
          "messaging_product must be \"whatsapp\", was '" + product + "'");
    }
  }

  /** Meta's upload answer: {@code {"id": "<media id>"}}. */
  record UploadResponse(String id) {}
}
