package org.openwaba.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openwaba.platform.PlatformProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code openwaba.platform.outbound.*} binds, and is strict when unset. */
class OutboundPropertiesTests {

  private static PlatformProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("openwaba.platform", PlatformProperties.class);
  }

  @Test
  void strictByDefault() throws Exception {
    PlatformProperties properties = bind(Map.of());
    assertThat(properties.outbound().allowedHosts()).isEmpty();
    assertThat(properties.outbound().allowHttp()).isFalse();
    AddressPolicy policy = new OutboundHttpClients(properties).policy();
    assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"))).isPresent();
  }

  @Test
  void bindsAllowedHostsAndPlainHttp() throws Exception {
    PlatformProperties properties =
        bind(
            Map.of(
                "openwaba.platform.outbound.allowed-hosts", "localhost,10.0.0.0/8",
                "openwaba.platform.outbound.allow-http", "true"));
    assertThat(properties.outbound().allowedHosts()).containsExactly("localhost", "10.0.0.0/8");
    assertThat(properties.outbound().allowHttp()).isTrue();
    AddressPolicy policy = new OutboundHttpClients(properties).policy();
    assertThat(policy.refusal(InetAddress.getByName("10.1.2.3"))).isEmpty();
    assertThat(policy.refusal(InetAddress.getByName("192.168.1.1"))).isPresent();
  }
}
