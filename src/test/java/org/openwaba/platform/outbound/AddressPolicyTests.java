package org.openwaba.platform.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTests {

  private final AddressPolicy strict = AddressPolicy.strict();

  @ParameterizedTest
  @CsvSource({
    "0.0.0.0, unspecified",
    "0.255.255.255, unspecified",
    "10.0.0.0, private",
    "10.255.255.255, private",
    "100.64.0.0, carrier-grade NAT",
    "100.127.255.255, carrier-grade NAT",
    "127.0.0.1, loopback",
    "127.255.255.254, loopback",
    "169.254.169.254, link-local",
    "172.16.0.1, private",
    "172.31.255.255, private",
    "192.0.0.8, IETF protocol assignments",
    "192.0.2.1, documentation",
    "192.88.99.1, 6to4 relay anycast",
    "192.168.1.1, private",
    "198.18.0.1, benchmarking",
    "198.19.255.255, benchmarking",
    "198.51.100.7, documentation",
    "203.0.113.9, documentation",
    "224.0.0.1, multicast",
    "239.255.255.255, multicast",
    "240.0.0.1, reserved or broadcast",
    "255.255.255.255, reserved or broadcast",
    "::, unspecified",
    "::1, loopback",
    "64:ff9b:1::1, local-use NAT64",
    "100::1, discard-only",
    "2001::1, IETF protocol assignments",
    "2001:2::1, IETF protocol assignments",
    "2001:db8::1, documentation",
    "3fff::1, documentation",
    "fc00::1, unique-local",
    "fdff:ffff::1, unique-local",
    "fe80::1, link-local",
    "febf::1, link-local",
    "fec0::1, site-local",
    "ff02::1, multicast",
  })
  void refusesEveryNonPublicRange(String address, String why) throws Exception {
    assertThat(strict.refusal(InetAddress.getByName(address)))
        .hasValueSatisfying(reason -> assertThat(reason).contains(why));
  }

  @ParameterizedTest
  @CsvSource({
    "::ffff:127.0.0.1, loopback",
    "::ffff:10.1.2.3, private",
    "::ffff:169.254.169.254, link-local",
    "::127.0.0.1, IPv4-compatible loopback",
    "::10.0.0.1, IPv4-compatible private",
    "64:ff9b::7f00:1, NAT64 loopback",
    "64:ff9b::a9fe:a9fe, NAT64 link-local",
    "2002:7f00:1::1, 6to4 loopback",
    "2002:c0a8:101::1, 6to4 private",
  })
  void refusesIpv6FormsOfRefusedIpv4Addresses(String address, String why) throws Exception {
    assertThat(strict.refusal(InetAddress.getByName(address)))
        .hasValueSatisfying(reason -> assertThat(reason).contains(why));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.1.1",
        "8.8.8.8",
        "9.255.255.255",
        "11.0.0.0",
        "100.63.255.255",
        "100.128.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.167.255.255",
        "192.169.0.0",
        "198.17.255.255",
        "198.20.0.0",
        "223.255.255.255",
        "2606:4700:4700::1111",
        "2a00:1450:4001::1",
        "2001:200::1",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::1",
        "fbff:ffff::1",
      })
  void allowsPublicAddressesNextToTheRanges(String address) throws Exception {
    assertThat(strict.refusal(InetAddress.getByName(address))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2130706433", "0x7f000001", "0177.0.0.1", "0x7f.1", "127.1", "localhost"})
  void resolvesOtherNotationsOfLoopbackAndRefusesThem(String host) {
    assertThatThrownBy(() -> strict.resolve(host))
        .isInstanceOfSatisfying(
            OutboundRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(OutboundRefusedException.Reason.REFUSED_ADDRESS);
              assertThat(e.getMessage()).contains("loopback");
            });
  }

  @Test
  void namesTheRefusedAddress() {
    assertThatThrownBy(() -> strict.checkUrl(URI.create("https://169.254.169.254/latest")))
        .isInstanceOf(OutboundRefusedException.class)
        .hasMessageContaining("169.254.169.254")
        .hasMessageContaining("link-local");
  }

  @Test
  void refusesPlainHttpUnlessAllowed() {
    assertThatThrownBy(() -> strict.checkUrl(URI.create("http://8.8.8.8/x")))
        .isInstanceOfSatisfying(
            OutboundRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(OutboundRefusedException.Reason.PLAIN_HTTP));
    new AddressPolicy(List.of(), true).checkUrl(URI.create("http://8.8.8.8/x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://8.8.8.8/x", "file:///etc/passwd", "/relative", "https:///nohost"})
  void refusesOtherSchemesAndUrlsWithoutHost(String url) {
    assertThatThrownBy(() -> strict.checkUrl(URI.create(url)))
        .isInstanceOfSatisfying(
            OutboundRefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(OutboundRefusedException.Reason.INVALID_URL));
  }

  @Test
  void refusesUnresolvableHosts() {
    assertThatThrownBy(() -> strict.checkUrl(URI.create("https://no-such-host.invalid/x")))
        .isInstanceOfSatisfying(
            OutboundRefusedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(OutboundRefusedException.Reason.UNRESOLVABLE_HOST);
              assertThat(e.getMessage()).contains("no-such-host.invalid");
            });
  }

  @Test
  void allowsConfiguredRangesAndHosts() throws Exception {
    AddressPolicy policy = new AddressPolicy(List.of("10.0.0.0/8", "::1", "localhost"), false);
    assertThat(policy.refusal(InetAddress.getByName("10.9.8.7"))).isEmpty();
    assertThat(policy.refusal(InetAddress.getByName("::1"))).isEmpty();
    assertThat(policy.refusal(InetAddress.getByName("11.0.0.0"))).isEmpty();
    assertThat(policy.refusal(InetAddress.getByName("192.168.0.1"))).isPresent();
    assertThat(policy.refusal(InetAddress.getByName("127.0.0.1"))).isPresent();
    assertThat(policy.resolve("localhost")).isNotEmpty();
  }

  @Test
  void parsesNumericNotationsLikeCLibraries() throws Exception {
    assertThat(AddressPolicy.numericIpv4("2130706433"))
        .isEqualTo(InetAddress.getByName("127.0.0.1").getAddress());
    assertThat(AddressPolicy.numericIpv4("0xa9fea9fe"))
        .isEqualTo(InetAddress.getByName("169.254.169.254").getAddress());
    assertThat(AddressPolicy.numericIpv4("010.0.0.1"))
        .isEqualTo(InetAddress.getByName("8.0.0.1").getAddress());
    assertThat(AddressPolicy.numericIpv4("8.8.8.8"))
        .isEqualTo(InetAddress.getByName("8.8.8.8").getAddress());
    assertThat(AddressPolicy.numericIpv4("4294967296")).isNull();
    assertThat(AddressPolicy.numericIpv4("256.1.1.1")).isNull();
    assertThat(AddressPolicy.numericIpv4("example.com")).isNull();
  }
}
