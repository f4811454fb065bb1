package org.openwaba.media.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.media.Media;
import org.openwaba.media.MediaContent;
import org.openwaba.media.MediaId;
import org.openwaba.media.MediaLibrary;
import org.openwaba.media.MediaLinks;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.QueryParameters;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The media API on the seed door, in the Cloud API's shapes (reference/cloud-api.md §5): upload,
 * metadata with an absolute download URL, the download itself (bearer token, ranges), delete.
 */
@RestController
@Tag(name = "Media")
@SecurityRequirement(name = "bearerToken")
class MediaController {

  private static final Set<String> UPLOAD_FIELDS = Set.of("type", "messaging_product");

  private final MediaLibrary library;
  private final MediaLinks links;

  MediaController(MediaLibrary library, MediaLinks links) {
    this.library = library;
    this.links = links;
  }

  @PostMapping(path = "/v2/media", consumes = "multipart/form-data", produces = "application/json")
  @Operation(
      summary = "Upload media",
      description =
          "Multipart with the Cloud API's fields: file (required), type (the MIME type, optional;"
              + " must match the bytes), messaging_product (whatsapp; optional, also accepted as a"
              + " query parameter). The type is detected from the bytes and must be one of the"
              + " seed's supported formats within its size limit; answers the media id.")
  UploadResponse upload(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(name = "type", required = false) @Nullable String type,
      @RequestParam(name = "messaging_product", required = false) @Nullable String product,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, UPLOAD_FIELDS);
    if (product != null && !product.equals("whatsapp")) {
      throw new InvalidRequestException(
          "Invalid messaging_product",
          "messaging_product must be 'whatsapp', was '" + product + "'");
    }
    if (file == null) {
      throw new InvalidRequestException(
          "Missing file", "Send the media as the multipart part named 'file'");
    }
    try (InputStream in = file.getInputStream()) {
      Media media = library.upload(account.accountId(), in, file.getOriginalFilename(), type);
      return new UploadResponse(media.id().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the uploaded part", e);
    }
  }

  @GetMapping(path = "/v2/media/{id}", produces = "application/json")
  @Operation(
      summary = "Media metadata",
      description =
          "The Cloud API's fields (url, mime_type, sha256, file_size, id, messaging_product) and"
              + " OpenWABA's: filename, width and height of images, duration of videos, expiry,"
              + " warnings. The url is absolute; download it with the same bearer token.")
  MediaView metadata(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable("id") String id,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    Media media = library.get(account.accountId(), MediaId.parse(id));
    return MediaView.of(media, downloadUrl(media));
  }

  @GetMapping(path = "/v2/media/{id}/download")
  @Operation(
      summary = "Download media",
      description =
          "The bytes with Content-Type, Content-Length and a Content-Disposition carrying the"
              + " filename; supports Range requests (206, or 416 for an unsatisfiable range).")
  ResponseEntity<Resource> download(
      @Parameter(hidden = true) AuthenticatedAccount account, @PathVariable("id") String id) {
    MediaContent content = library.content(account.accountId(), MediaId.parse(id));
    Media media = content.media();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(media.mimeType()))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(media.filename(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .eTag("\"" + media.sha256() + "\"")
        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
        .body(content.bytes());
  }

  @DeleteMapping(path = "/v2/media/{id}", produces = "application/json")
  @Operation(
      summary = "Delete media",
      description = "The id stops working at once; answers {\"success\": true}.")
  Map<String, Boolean> delete(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable("id") String id,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    library.delete(account.accountId(), MediaId.parse(id));
    return Map.of("success", true);
  }

  private String downloadUrl(Media media) {
    return links.downloadUrl(
        media.id(), ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
  }

  /** The Cloud API's upload answer: {@code {"id": "<media id>"}}. */
  record UploadResponse(String id) {}
}
