package org.openwaba.accounts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountDirectory;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.AccountNotFoundException;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.accounts.GraphNodeReader;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.platform.ApiDoors;
import org.openwaba.platform.GraphFields;
import org.openwaba.platform.QueryParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Graph nodes by id on the Cloud API door: {@code GET /{version}/{id}} for any node of the caller
 * (phone number, business account, and whatever other modules serve through {@link
 * GraphNodeReader}: templates, media), and {@code GET /{version}/{waba_id}/phone_numbers}. An id
 * that is unknown, malformed or another account's answers Meta's "object does not exist" (100,
 * subcode 33).
 */
@RestController
@Tag(name = "Cloud API: phone numbers and nodes")
@SecurityRequirement(name = "bearerToken")
class CloudNodesController {

  private final List<GraphNodeReader> readers;
  private final CloudPhoneNumbers phoneNumbers;
  private final AccountDirectory directory;
  private final JsonMapper json;

  CloudNodesController(
      List<GraphNodeReader> readers,
      CloudPhoneNumbers phoneNumbers,
      AccountDirectory directory,
      JsonMapper json) {
    this.readers = readers;
    this.phoneNumbers = phoneNumbers;
    this.directory = directory;
    this.json = json;
  }

  @GetMapping(path = ApiDoors.CLOUD + "/{id}", produces = "application/json")
  @Operation(
      summary = "A node by id: phone number, business account, template or media",
      description =
          "A phone number answers id, display_phone_number, verified_name, quality_rating,"
              + " code_verification_status, name_status, platform_type, account_mode and"
              + " throughput, as Meta does; media answers messaging_product, url (download it"
              + " with the same bearer token), mime_type, sha256, file_size and id. ?fields=a,b"
              + " keeps only those fields (and id). ?phone_number_id=, which Meta's media"
              + " clients may send, must be one of the caller's numbers.")
  JsonNode node(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @Parameter(description = "Graph API version, such as v24.0") @PathVariable String version,
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String fields,
      @RequestParam(name = "phone_number_id", required = false) @Nullable String phoneNumberId,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of("fields", "phone_number_id"));
    if (phoneNumberId != null) {
      directory.phoneNumber(account.accountId(), new PhoneNumberId(nodeId(phoneNumberId)));
    }
    long nodeId = nodeId(id);
    for (GraphNodeReader reader : readers) {
      Optional<GraphNodeReader.Node> node = reader.read(account.accountId(), nodeId);
      if (node.isPresent()) {
        return GraphFields.select(json, node.get().body(), fields, node.get().type());
      }
    }
    throw new AccountNotFoundException("Object with ID '" + id + "'");
  }

  @GetMapping(path = ApiDoors.CLOUD + "/{wabaId}/phone_numbers", produces = "application/json")
  @Operation(summary = "The business account's phone numbers, as Meta lists them")
  Map<String, Object> phoneNumbers(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String version,
      @PathVariable String wabaId,
      @RequestParam(required = false) @Nullable String fields,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of("fields"));
    AccountId caller = account.accountId();
    if (nodeId(wabaId) != caller.value()) {
      throw new AccountNotFoundException("Object with ID '" + wabaId + "'");
    }
    String verifiedName = phoneNumbers.verifiedName(caller);
    List<JsonNode> data =
        directory.phoneNumbers(caller).stream()
            .map(
                number ->
                    GraphFields.select(
                        json,
                        CloudPhoneNumbers.PhoneNumberNode.of(number, verifiedName),
                        fields,
                        CloudPhoneNumbers.PHONE_NUMBER_TYPE))
            .toList();
    String first = data.isEmpty() ? "" : data.get(0).get("id").asString();
    String last = data.isEmpty() ? "" : data.get(data.size() - 1).get("id").asString();
    return Map.of(
        "data", data, "paging", Map.of("cursors", Map.of("before", first, "after", last)));
  }

  private static long nodeId(String id) {
    try {
      long value = Long.parseLong(id);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // not a node id: answered like an unknown one
    }
    throw new AccountNotFoundException("Object with ID '" + id + "'");
  }
}
