package org.openwaba.platform.outbound;

import java.io.InterruptedIOException;

/** An outbound exchange that did not complete within its total timeout and was aborted. */
public final class OutboundTimeoutException extends InterruptedIOException {

  public OutboundTimeoutException(String message) {
    super(message);
  }
}
