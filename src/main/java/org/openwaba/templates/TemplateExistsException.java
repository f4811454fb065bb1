package org.openwaba.templates;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/**
 * The account already has a template with this name in this language: HTTP 409 (190409); on the
 * Cloud API door 100 with subcode 2388024, as Meta answers.
 */
public class TemplateExistsException extends ApiException {

  public TemplateExistsException(String name, String language) {
    super(
        ErrorCode.TEMPLATE_EXISTS,
        "Template already exists",
        "a template named '" + name + "' already exists in language '" + language + "'");
  }
}
