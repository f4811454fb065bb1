package org.openwaba.media;

import org.openwaba.platform.ApiException;
import org.openwaba.platform.ErrorCode;

/**
 * No media with this id for this account: it never existed, was deleted, expired, or belongs to
 * another account (which is never revealed). Answered with 404 and code 190404.
 */
public class MediaNotFoundException extends ApiException {

  public MediaNotFoundException(String id) {
    super(
        ErrorCode.NOT_FOUND,
        "Media not found",
        "No media with id "
            + id
            + " for this account: it does not exist, was deleted, or expired (media ids live"
            + " 30 days unless configured otherwise)");
  }
}
