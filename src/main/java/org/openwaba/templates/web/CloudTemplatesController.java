package org.openwaba.templates.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.AccountNotFoundException;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.platform.ApiDoors;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.GraphFields;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.QueryParameters;
import org.openwaba.templates.NewTemplate;
import org.openwaba.templates.Template;
import org.openwaba.templates.TemplateCatalogue;
import org.openwaba.templates.TemplateCategory;
import org.openwaba.templates.TemplateComponent;
import org.openwaba.templates.TemplateFilter;
import org.openwaba.templates.TemplateStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Template management in Meta's shape, {@code /{version}/{waba_id}/message_templates} (reference
 * §6.1): create answers {@code {id, status, category}}, list {@code {data, paging}} with cursor
 * paging, delete {@code {"success": true}}. The catalogue and its validation are the seed door's
 * ({@link TemplateCatalogue}); the {@code waba_id} must be the caller's account id, anything else
 * answers Meta's "object does not exist" (100, subcode 33).
 */
@RestController
@Tag(name = "Cloud API: message templates")
@SecurityRequirement(name = "bearerToken")
class CloudTemplatesController {

  /** Meta's default page size for edges. */
  static final int DEFAULT_LIMIT = 25;

  /**
   * Meta's create body. {@code parameter_format} is {@code POSITIONAL} (the default) or {@code
   * NAMED}; {@code allow_category_change} and other extra fields are ignored.
   */
  record CloudTemplateRequest(
      @Nullable String name,
      @Nullable String language,
      @Nullable String category,
      @Nullable String parameterFormat,
      @Nullable List<TemplateComponent> components) {}

  record CreatedTemplate(String id, String status, String category) {}

  record Success(boolean success) {}

  private final TemplateCatalogue catalogue;
  private final JsonMapper json;

  CloudTemplatesController(TemplateCatalogue catalogue, JsonMapper json) {
    this.catalogue = catalogue;
    this.json = json;
  }

  @PostMapping(
      path = ApiDoors.CLOUD + "/{wabaId}/message_templates",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Submit a template for review (Cloud API shape)",
      description =
          "Meta's body: name, language, category (MARKETING, UTILITY, AUTHENTICATION),"
              + " parameter_format (POSITIONAL, the default, or NAMED: {{first_name}} placeholders"
              + " with example.body_text_named_params / header_text_named_params), components. Answers {id, status: PENDING, category}; the review engine decides"
              + " later. Validation is the same as POST /v2/templates; refusals are Meta's code"
              + " 100 (131008 for a missing field).")
  CreatedTemplate create(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @Parameter(description = "Graph API version, such as v24.0") @PathVariable String version,
      @PathVariable String wabaId,
      @RequestBody CloudTemplateRequest request,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    AccountId caller = requireCaller(account, wabaId);
    String name = required(request.name(), "name");
    String language = required(request.language(), "language");
    String category = required(request.category(), "category");
    List<TemplateComponent> components = request.components();
    if (components == null) {
      throw missing("components");
    }
    Template created =
        catalogue.create(
            caller,
            new NewTemplate(name, language, category, components, request.parameterFormat()));
    return new CreatedTemplate(
        created.id().toString(), created.status().name(), created.category().name());
  }

  @GetMapping(path = ApiDoors.CLOUD + "/{wabaId}/message_templates", produces = "application/json")
  @Operation(
      summary = "List the account's templates (Cloud API shape)",
      description =
          "Filters: name, status, language, category. Paging: limit 1 to 100 (default 25) and the"
              + " opaque cursors after / before from paging.cursors; paging.next is present when"
              + " there are more. ?fields=name,status keeps only those fields (and id).")
  Map<String, Object> list(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String version,
      @PathVariable String wabaId,
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String language,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit,
      @RequestParam(required = false) @Nullable String after,
      @RequestParam(required = false) @Nullable String before,
      @RequestParam(required = false) @Nullable String fields,
      HttpServletRequest http) {
    QueryParameters.requireOnly(
        http,
        Set.of("name", "status", "language", "category", "limit", "after", "before", "fields"));
    AccountId caller = requireCaller(account, wabaId);
    TemplateFilter filter =
        new TemplateFilter(
            name,
            status == null
                ? null
                : TemplatesController.parse(TemplateStatus.class, "status", status),
            language,
            category == null
                ? null
                : TemplatesController.parse(TemplateCategory.class, "category", category));
    if (limit < 1 || limit > TemplateCatalogue.MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          ErrorCode.INVALID_PARAMETER,
          "Invalid limit",
          "limit must be between 1 and " + TemplateCatalogue.MAX_PAGE_SIZE);
    }
    long offset;
    int pageSize = limit;
    if (after != null) {
      offset = cursor(after, "after");
    } else if (before != null) {
      long end = cursor(before, "before");
      offset = Math.max(0, end - limit);
      pageSize = (int) Math.min(limit, end);
    } else {
      offset = 0;
    }
    List<Template> page =
        pageSize == 0 ? List.of() : catalogue.list(caller, filter, pageSize, offset);
    boolean more =
        page.size() == pageSize && !catalogue.list(caller, filter, 1, offset + pageSize).isEmpty();
    List<JsonNode> data =
        page.stream()
            .map(t -> GraphFields.select(json, CloudTemplateView.of(t), fields, "MessageTemplate"))
            .toList();
    Map<String, Object> cursors = new LinkedHashMap<>();
    cursors.put("before", encode(offset));
    cursors.put("after", encode(offset + data.size()));
    Map<String, Object> paging = new LinkedHashMap<>();
    paging.put("cursors", cursors);
    if (more) {
      paging.put("next", pageLink("after", encode(offset + data.size())));
    }
    if (offset > 0) {
      paging.put("previous", pageLink("before", encode(offset)));
    }
    return Map.of("data", data, "paging", paging);
  }

  @DeleteMapping(
      path = ApiDoors.CLOUD + "/{wabaId}/message_templates",
      produces = "application/json")
  @Operation(
      summary = "Delete a template (Cloud API shape)",
      description =
          "?name= deletes the template in every language; ?hsm_id=&name= deletes one translation."
              + " Answers {\"success\": true}.")
  Success delete(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String version,
      @PathVariable String wabaId,
      @RequestParam String name,
      @RequestParam(name = "hsm_id", required = false) @Nullable String hsmId,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of("name", "hsm_id"));
    AccountId caller = requireCaller(account, wabaId);
    if (hsmId == null) {
      catalogue.deleteByName(caller, name);
    } else {
      catalogue.delete(caller, TemplatesController.templateId(hsmId), name);
    }
    return new Success(true);
  }

  private static AccountId requireCaller(AuthenticatedAccount account, String wabaId) {
    if (!wabaId.equals(account.accountId().toString())) {
      throw new AccountNotFoundException("Object with ID '" + wabaId + "'");
    }
    return account.accountId();
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

  /** Cursors are opaque to clients; here they encode the position in the filtered list. */
  private static String encode(long offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.US_ASCII));
  }

  private static long cursor(String value, String field) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
      if (decoded.startsWith("o:")) {
        long offset = Long.parseLong(decoded.substring(2));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // not one of our cursors: refused below
    }
    throw new InvalidRequestException(
        ErrorCode.INVALID_PARAMETER,
        "Invalid cursor",
        field + " must be a cursor from a previous answer's paging.cursors");
  }

  private static String pageLink(String cursorName, String cursor) {
    return ServletUriComponentsBuilder.fromCurrentRequest()
        .replaceQueryParam("after")
        .replaceQueryParam("before")
        .replaceQueryParam(cursorName, cursor)
        .build()
        .toUriString();
  }
}
