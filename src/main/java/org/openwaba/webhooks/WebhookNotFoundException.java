package org.openwaba.webhooks;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/** The registration or delivery does not exist or belongs to another account: HTTP 404. */
public class WebhookNotFoundException extends ApiException {

  public WebhookNotFoundException(String what) {
    super(ErrorCode.NOT_FOUND, "Not found", what + " does not exist");
  }
}
