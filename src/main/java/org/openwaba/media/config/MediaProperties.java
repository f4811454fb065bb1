package org.openwaba.media.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the media module, under {@code openwaba.media}.
 *
 * @param storageDirectory where media files are kept, one file per distinct content, named by its
 *     SHA-256; also holds the temporary files of downloads and uploads in progress ({@code tmp/})
 * @param retention how long a media id lives after upload or fetch; Meta keeps uploaded media 30
 *     days (reference/cloud-api.md §5). Expired media answers 404 and its file is deleted
 * @param cleanupInterval how often the background job deletes expired media
 * @param fetchConnectTimeout the longest wait for a connection to a media host (TCP and TLS)
 * @param fetchTimeout the longest a whole download from a media host may take, body included; a
 *     host that sends slowly is cut off at this point
 * @param fetchMaxRedirects redirects followed when fetching a media URL, each re-checked by the
 *     outbound guard (issue 4: at most 3)
 */
@Validated
@ConfigurationProperties("openwaba.media")
public record MediaProperties(
    @DefaultValue("./data/media") Path storageDirectory,
    @DefaultValue("30d") Duration retention,
    @DefaultValue("1h") Duration cleanupInterval,
    @DefaultValue("10s") Duration fetchConnectTimeout,
    @DefaultValue("120s") Duration fetchTimeout,
    @DefaultValue("3") @Min(0) @Max(3) int fetchMaxRedirects) {

  public MediaProperties {
    requirePositive(retention, "openwaba.media.retention");
    requirePositive(cleanupInterval, "openwaba.media.cleanup-interval");
    requirePositive(fetchConnectTimeout, "openwaba.media.fetch-connect-timeout");
    requirePositive(fetchTimeout, "openwaba.media.fetch-timeout");
  }

  private static void requirePositive(Duration value, String name) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
