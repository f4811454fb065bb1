package org.openwaba.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openwaba.platform.PlatformProperties;

class MediaLinksTests {

  private static PlatformProperties platform(URI publicBaseUrl) {
    return new PlatformProperties(
        publicBaseUrl,
        262144,
        4,
        "NORMAL",
        512,
        20000,
        Duration.ofSeconds(10),
        Duration.ofMillis(1),
        new PlatformProperties.Outbound(List.of(), false, null));
  }

  @Test
  void usesThePublicBaseUrlWhenConfigured() {
    MediaLinks links = new MediaLinks(platform(URI.create("https://wa.example.com/api/")));
    assertThat(links.downloadUrl(new MediaId(123456789012345L), "http://10.0.0.5:8080"))
        .isEqualTo("https://wa.example.com/api/v2/media/123456789012345/download");
  }

  @Test
  void otherwiseUsesTheRequestsOwnBase() {
    MediaLinks links = new MediaLinks(platform(null));
    assertThat(links.downloadUrl(new MediaId(42), "http://127.0.0.1:8080"))
        .isEqualTo("http://127.0.0.1:8080/v2/media/42/download");
  }
}
