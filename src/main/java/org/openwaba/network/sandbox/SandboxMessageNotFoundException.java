package org.openwaba.network.sandbox;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/**
 * The device did not receive this message from the caller's account (it may not exist, or belong to
 * another account): HTTP 404, code 190404.
 */
public class SandboxMessageNotFoundException extends ApiException {

  public SandboxMessageNotFoundException(String number, String messageId) {
    super(
        ErrorCode.NOT_FOUND,
        "Not found",
        "The device " + number + " received no message " + messageId + " from this account");
  }
}
