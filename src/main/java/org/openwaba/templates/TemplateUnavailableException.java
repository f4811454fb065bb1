package org.openwaba.templates;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/**
 * A template message names a template the account cannot send: no such name, not in that language,
 * or not {@code APPROVED}. The seed's 134000 (404); on the Cloud door Meta's 132001 (404), 132015
 * for a paused template and 132016 for a disabled one (400). The details say which.
 */
public class TemplateUnavailableException extends ApiException {

  TemplateUnavailableException(ErrorCode code, String details) {
    super(code, code.title(), details);
  }
}
