package org.openwaba.media;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.PlatformProperties;
import org.springframework.stereotype.Component;

/**
 * Builds the absolute download URL of media, as both API doors return it in {@code url}: clients
 * fetch it exactly as given, with their bearer token. It starts with {@code
 * openwaba.platform.public-base-url} when that is set (behind a proxy), otherwise with the base the
 * caller names (the request's own scheme, host and port). Thread-safe.
 */
@Component
public class MediaLinks {

  private final @Nullable URI publicBaseUrl;

  MediaLinks(PlatformProperties platform) {
    this.publicBaseUrl = platform.publicBaseUrl();
  }

  /**
   * The URL that downloads this media.
   *
   * @param requestBase the base URL of the current request, such as {@code http://host:8080}, used
   *     when no public base URL is configured
   */
  public String downloadUrl(MediaId id, String requestBase) {
    String base = publicBaseUrl != null ? publicBaseUrl.toString() : requestBase;
    return base.replaceAll("/+$", "") + "/v2/media/" + id + "/download";
  }
}
