package org.openwaba.templates.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.QueryParameters;
import org.openwaba.templates.ReviewDecision;
import org.openwaba.templates.TemplateNotFoundException;
import org.openwaba.templates.TemplateReview;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The operator's review of an account's templates, in the admin API (admin key). */
@RestController
@Tag(name = "Admin", description = "Operator API, authenticated with the admin key")
@SecurityRequirement(name = "adminKey")
class TemplateReviewController {

  /**
   * @param decision {@code approve}, {@code reject}, {@code pause} or {@code disable}
   * @param reason required to reject; at most 512 characters
   */
  record ReviewRequest(@Nullable String decision, @Nullable String reason) {}

  private final TemplateReview review;

  TemplateReviewController(TemplateReview review) {
    this.review = review;
  }

  @PostMapping(
      path = "/admin/v1/accounts/{accountId}/templates/{templateId}/review",
      consumes = "application/json",
      produces = "application/json")
  @Operation(
      summary = "Approve, reject, pause or disable a template",
      description =
          "PENDING can be approved or rejected (a reason is required); APPROVED can be paused or"
              + " disabled; PAUSED can be approved again or disabled; REJECTED and DISABLED are"
              + " final. Any other decision answers 409. Each change is reported as a template"
              + " status event.")
  TemplatesController.TemplateResponse decide(
      @PathVariable long accountId,
      @PathVariable String templateId,
      @RequestBody ReviewRequest request,
      HttpServletRequest http) {
    QueryParameters.requireOnly(http, Set.of());
    if (accountId <= 0) {
      throw new TemplateNotFoundException("template " + templateId);
    }
    if (request.decision() == null) {
      throw new InvalidRequestException(
          "Missing decision", "decision is required: approve, reject, pause or disable");
    }
    ReviewDecision decision =
        TemplatesController.parse(ReviewDecision.class, "decision", request.decision());
    return new TemplatesController.TemplateResponse(
        "success",
        TemplatesController.TemplateView.of(
            review.decide(
                new AccountId(accountId),
                TemplatesController.templateId(templateId),
                decision,
                request.reason())));
  }
}
