package org.openwaba.templates.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.QueryParameters;
import org.openwaba.templates.NewTemplate;
import org.openwaba.templates.Template;
import org.openwaba.templates.TemplateCatalogue;
import org.openwaba.templates.TemplateCategory;
import org.openwaba.templates.TemplateComponent;
import org.openwaba.templates.TemplateFilter;
import org.openwaba.templates.TemplateId;
import org.openwaba.templates.TemplateNotFoundException;
import org.openwaba.templates.TemplateStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Template management in the seed's style: {@code status: "success"} envelopes, 132000 refusals.
 */
@RestController
@Tag(name = "Templates (seed API)")
@SecurityRequirement(name = "bearerToken")
class TemplatesController {

  record TemplateView(
      String id,
      String name,
      String language,
      String category,
      String parameterFormat,
      String status,
      @Nullable String rejectedReason,
      List<TemplateComponent> components,
      String createdAt,
      String updatedAt) {

    static TemplateView of(Template template) {
      return new TemplateView(
          template.id().toString(),
          template.name(),
          template.language(),
          template.category().name(),
          template.parameterFormat().name(),
          template.status().name(),
          template.rejectedReason(),
          template.components(),
          timestamp(template.createdAt()),
          timestamp(template.updatedAt()));
    }
  }

  record TemplateResponse(String status, TemplateView template) {}

  record TemplateListResponse(
      String status, List<TemplateView> templates, int limit, long offset) {}

  record DeletedResponse(String status, int deleted) {}

  private final TemplateCatalogue catalogue;

  TemplatesController(TemplateCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @PostMapping(path = "/v2/templates", consumes = "application/json", produces = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Submit a template for review",
      description =
          "The template starts PENDING. Name: lowercase letters, digits and underscores, at most"
              + " 512 characters, unique per language. Components as Meta shapes them: at most one"
              + " HEADER (text at most 60 characters), exactly one BODY (at most 1024), at most one"
              + " FOOTER (at most 60, no variables) and one BUTTONS (1 to 10 buttons, at most 2 URL"
              + " and 1 PHONE_NUMBER, button text at most 25 characters). parameter_format:"
              + " POSITIONAL (the default; {{1}}, {{2}}, … with example.body_text and header_text)"
              + " or NAMED ({{first_name}}: a lowercase letter, then lowercase letters, digits or"
              + " underscores, at most 20 characters, each once per component; examples in"
              + " example.body_text_named_params and header_text_named_params as [{param_name,"
              + " example}] covering every name). A template never mixes the two; a URL button's"
              + " variable is {{1}} in both.")
  TemplateResponse create(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @RequestBody NewTemplate template,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    return new TemplateResponse(
        "success", TemplateView.of(catalogue.create(account.accountId(), template)));
  }

  @GetMapping(path = "/v2/templates", produces = "application/json")
  @Operation(
      summary = "List the account's templates",
      description =
          "Filters: name, status, language, category. Paging: limit 1 to 100 (default 20), offset.")
  TemplateListResponse list(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @RequestParam(required = false) @Nullable String name,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String language,
      @RequestParam(required = false) @Nullable String category,
      @RequestParam(defaultValue = "20") int limit,
      @RequestParam(defaultValue = "0") long offset,
      HttpServletRequest http) {
    QueryParameters.requireOnly(
        http, Set.of("name", "status", "language", "category", "limit", "offset"));
    TemplateFilter filter =
        new TemplateFilter(
            name,
            status == null ? null : parse(TemplateStatus.class, "status", status),
            language,
            category == null ? null : parse(TemplateCategory.class, "category", category));
    List<TemplateView> templates =
        catalogue.list(account.accountId(), filter, limit, offset).stream()
            .map(TemplateView::of)
            .toList();
    return new TemplateListResponse("success", templates, limit, offset);
  }

  @GetMapping(path = "/v2/templates/{id}", produces = "application/json")
  @Operation(summary = "One template; another account's template answers 404")
  TemplateResponse get(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String id,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    return new TemplateResponse(
        "success", TemplateView.of(catalogue.get(account.accountId(), templateId(id))));
  }

  @DeleteMapping(path = "/v2/templates", produces = "application/json")
  @Operation(summary = "Delete a template by name, in every language")
  DeletedResponse deleteByName(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @RequestParam String name,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of("name"));
    return new DeletedResponse("success", catalogue.deleteByName(account.accountId(), name));
  }

  @DeleteMapping(path = "/v2/templates/{id}", produces = "application/json")
  @Operation(summary = "Delete one translation of a template by id")
  DeletedResponse delete(
      @Parameter(hidden = true) AuthenticatedAccount account,
      @PathVariable String id,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    catalogue.delete(account.accountId(), templateId(id));
    return new DeletedResponse("success", 1);
  }

  static TemplateId templateId(String id) {
    try {
      long value = Long.parseLong(id);
      if (value > 0) {
        return new TemplateId(value);
      }
    } catch (NumberFormatException e) {
      // not a template id: answered like an unknown one
    }
    throw new TemplateNotFoundException("template " + id);
  }

  static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "Invalid " + field, field + " must be one of " + List.of(type.getEnumConstants()));
    }
  }

  private static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
