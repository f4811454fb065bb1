package org.openwaba.media;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/**
 * Media that cannot be used: too large, empty, truncated, of the wrong type, or not fetchable
 * (unreachable, refused address, timed out). Answered with 400 and Meta's code 131053 (media upload
 * error); {@link #details()} names what was found, such as "the file is image/png, not video".
 */
public class MediaRejectedException extends ApiException {

  /** The cause, for metrics and for the Cloud door's error mapping. */
  public enum Reason {
    EMPTY,
    TOO_LARGE,
    WRONG_TYPE,
    TRUNCATED,
    UNREACHABLE,
    REFUSED,
    TIMED_OUT,
    EXPIRED
  }

  private final Reason reason;

  public MediaRejectedException(Reason reason, String details) {
    super(ErrorCode.MEDIA_REJECTED, "Media cannot be used", details);
    this.reason = reason;
  }

  /** Why the media was rejected. */
  public Reason reason() {
    return reason;
  }
}
