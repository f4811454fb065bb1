package org.openwaba.platform.outbound;

import java.util.Objects;

/**
 * An outbound request refused by the SSRF guard before (or instead of) connecting. The message
 * names the cause and, for a refused address, the address; it contains no secrets and may be shown
 * to the user.
 */
public final class OutboundRefusedException extends RuntimeException {

  /** Why the request was refused. */
  public enum Reason {
    /**
     * The URL is not absolute, has no host, or its scheme is neither {@code http} nor {@code
     * https}.
     */
    INVALID_URL,
    /** The URL uses plain {@code http} and {@code openwaba.platform.outbound.allow-http} is off. */
    PLAIN_HTTP,
    /** The host name does not resolve to any address. */
    UNRESOLVABLE_HOST,
    /** Every address of the host is loopback, private, link-local or otherwise not public. */
    REFUSED_ADDRESS,
    /** The server redirected more often than allowed. */
    TOO_MANY_REDIRECTS
  }

  private final Reason reason;

  public OutboundRefusedException(Reason reason, String message) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the request was refused. */
  public Reason reason() {
    return reason;
  }
}
