package org.openwaba.templates;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/** The template does not exist or belongs to another account: HTTP 404. */
public class TemplateNotFoundException extends ApiException {

  public TemplateNotFoundException(String what) {
    super(ErrorCode.NOT_FOUND, "Not found", what + " does not exist");
  }
}
