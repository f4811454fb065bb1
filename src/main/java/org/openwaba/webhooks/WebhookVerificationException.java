package org.openwaba.webhooks;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/**
 * The endpoint did not answer the verification handshake with HTTP 200 and exactly the challenge:
 * HTTP 422, the details saying what came back.
 */
public class WebhookVerificationException extends ApiException {

  public WebhookVerificationException(String details) {
    super(ErrorCode.WEBHOOK_VERIFICATION_FAILED, "Webhook verification failed", details);
  }
}
