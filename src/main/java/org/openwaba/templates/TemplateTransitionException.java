package org.openwaba.templates;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/** A review decision that the template's current status does not allow (409, 190409). */
public class TemplateTransitionException extends ApiException {

  public TemplateTransitionException(Template template, ReviewDecision decision) {
    super(
        ErrorCode.CONFLICT,
        "Review decision not allowed",
        "template "
            + template.id()
            + " is "
            + template.status()
            + ": it cannot be given the decision '"
            + decision.apiName()
            + "'");
  }
}
