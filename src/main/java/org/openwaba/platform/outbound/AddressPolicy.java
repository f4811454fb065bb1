package org.openwaba.platform.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Decides which addresses outbound requests may connect to: only public unicast ones, unless a host
 * name or CIDR range is explicitly allowed (for development and tests).
 *
 * <p>Refused: unspecified, "this network", loopback, private (RFC 1918), CGNAT, link-local,
 * multicast, broadcast, IETF protocol assignments, documentation, benchmarking, reserved; IPv6
 * unique-local, link-local, site-local, multicast, discard, documentation, ORCHID/Teredo; and the
 * IPv4-mapped, IPv4-compatible, 6to4 and NAT64 IPv6 forms of refused IPv4 addresses. Host names in
 * decimal, octal or hexadecimal notation are resolved like any host and the resulting address is
 * checked.
 */
public final class AddressPolicy {

  // Compiled once: every outbound request checks its host, thousands of times a second for
  // webhooks, and String.matches compiles its pattern on each call.
  private static final Pattern NUMERIC_IPV4 =
      Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}");

  private static final List<Range> REFUSED_V4 =
      List.of(
          Range.parse("0.0.0.0/8", "unspecified or 'this network'"),
          Range.parse("10.0.0.0/8", "private"),
          Range.parse("100.64.0.0/10", "carrier-grade NAT"),
          Range.parse("127.0.0.0/8", "loopback"),
          Range.parse("169.254.0.0/16", "link-local"),
          Range.parse("172.16.0.0/12", "private"),
          Range.parse("192.0.0.0/24", "IETF protocol assignments"),
          Range.parse("192.0.2.0/24", "documentation"),
          Range.parse("192.88.99.0/24", "6to4 relay anycast"),
          Range.parse("192.168.0.0/16", "private"),
          Range.parse("198.18.0.0/15", "benchmarking"),
          Range.parse("198.51.100.0/24", "documentation"),
          Range.parse("203.0.113.0/24", "documentation"),
          Range.parse("224.0.0.0/4", "multicast"),
          Range.parse("240.0.0.0/4", "reserved or broadcast"));

  private static final List<Range> REFUSED_V6 =
      List.of(
          Range.parse("::/128", "unspecified"),
          Range.parse("::1/128", "loopback"),
          Range.parse("64:ff9b:1::/48", "local-use NAT64"),
          Range.parse("100::/64", "discard-only"),
          Range.parse("2001::/23", "IETF protocol assignments (Teredo, benchmarking, ORCHID)"),
          Range.parse("2001:db8::/32", "documentation"),
          Range.parse("3fff::/20", "documentation"),
          Range.parse("fc00::/7", "unique-local"),
          Range.parse("fe80::/10", "link-local"),
          Range.parse("fec0::/10", "site-local"),
          Range.parse("ff00::/8", "multicast"));

  private static final Range MAPPED = Range.parse("::ffff:0:0/96", "IPv4-mapped");
  private static final Range COMPATIBLE = Range.parse("::/96", "IPv4-compatible");
  private static final Range NAT64 = Range.parse("64:ff9b::/96", "NAT64");
  private static final Range SIX_TO_FOUR = Range.parse("2002::/16", "6to4");

  private final Set<String> allowedHosts;
  private final List<Range> allowedRanges;
  private final boolean allowHttp;

  /**
   * @param allowed host names or CIDR ranges (a single address is a range of one) that may be
   *     reached although not public
   * @param allowHttp whether plain {@code http} URLs are allowed
   */
  public AddressPolicy(List<String> allowed, boolean allowHttp) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : allowed) {
      String trimmed = entry.trim();
      if (trimmed.contains("/") || looksLikeAddress(trimmed)) {
        ranges.add(Range.parse(trimmed.contains("/") ? trimmed : trimmed + "/-1", "allowed"));
      }
    }
    this.allowedRanges = List.copyOf(ranges);
    this.allowedHosts =
        allowed.stream()
            .map(String::trim)
            .filter(entry -> !entry.contains("/") && !looksLikeAddress(entry))
            .map(entry -> entry.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    this.allowHttp = allowHttp;
  }

  /** A policy that refuses every non-public address and plain http. */
  public static AddressPolicy strict() {
    return new AddressPolicy(List.of(), false);
  }

  /**
   * Why {@code address} may not be connected to, or empty when it may. An address in an allowed
   * range is always allowed.
   */
  public Optional<String> refusal(InetAddress address) {
    byte[] bytes = address.getAddress();
    for (Range range : allowedRanges) {
      if (range.contains(bytes)) {
        return Optional.empty();
      }
    }
    return refusalOf(bytes);
  }

  private static Optional<String> refusalOf(byte[] bytes) {
    if (bytes.length == 4) {
      return first(REFUSED_V4, bytes);
    }
    if (MAPPED.contains(bytes) || NAT64.contains(bytes)) {
      String kind = MAPPED.contains(bytes) ? MAPPED.name : NAT64.name;
      return refusalOf(Arrays.copyOfRange(bytes, 12, 16)).map(why -> kind + " " + why);
    }
    Optional<String> direct = first(REFUSED_V6, bytes);
    if (direct.isPresent()) {
      return direct;
    }
    if (COMPATIBLE.contains(bytes)) {
      return refusalOf(Arrays.copyOfRange(bytes, 12, 16)).map(why -> COMPATIBLE.name + " " + why);
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return refusalOf(Arrays.copyOfRange(bytes, 2, 6)).map(why -> SIX_TO_FOUR.name + " " + why);
    }
    return Optional.empty();
  }

  private static Optional<String> first(List<Range> ranges, byte[] bytes) {
    for (Range range : ranges) {
      if (range.contains(bytes)) {
        return Optional.of(range.name);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks a URL's scheme and host before a request is sent to it.
   *
   * @throws OutboundRefusedException naming the cause when the URL may not be requested
   */
  public void checkUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || url.getHost() == null || url.getHost().isEmpty()) {
      throw new OutboundRefusedException(
          OutboundRefusedException.Reason.INVALID_URL, "URL '" + url + "' has no host");
    }
    if (scheme.equals("http")) {
      if (!allowHttp) {
        throw new OutboundRefusedException(
            OutboundRefusedException.Reason.PLAIN_HTTP,
            "plain http is not allowed, use https: " + url.getHost());
      }
    } else if (!scheme.equals("https")) {
      throw new OutboundRefusedException(
          OutboundRefusedException.Reason.INVALID_URL,
          "scheme '" + scheme + "' is not allowed, use https");
    }
    resolve(url.getHost());
  }

  /**
   * Resolves {@code host} and keeps only the addresses that may be connected to.
   *
   * @throws OutboundRefusedException when the host does not resolve or none of its addresses may be
   *     connected to
   */
  public InetAddress[] resolve(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] all;
    try {
      byte[] numeric = numericIpv4(bare);
      all =
          numeric != null
              ? new InetAddress[] {InetAddress.getByAddress(bare, numeric)}
              : InetAddress.getAllByName(bare);
    } catch (UnknownHostException | SecurityException e) {
      throw new OutboundRefusedException(
          OutboundRefusedException.Reason.UNRESOLVABLE_HOST,
          "host '" + bare + "' does not resolve");
    }
    if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
      return all;
    }
    List<InetAddress> kept = new ArrayList<>();
    String firstRefusal = null;
    for (InetAddress address : all) {
      Optional<String> refusal = refusal(address);
      if (refusal.isEmpty()) {
        kept.add(address);
      } else if (firstRefusal == null) {
        firstRefusal = refusal.get() + " address " + address.getHostAddress();
      }
    }
    if (kept.isEmpty()) {
      throw new OutboundRefusedException(
          OutboundRefusedException.Reason.REFUSED_ADDRESS,
          "host '" + bare + "' resolves to a " + firstRefusal + ", which is not allowed");
    }
    return kept.toArray(InetAddress[]::new);
  }

  /**
   * Parses the numeric IPv4 notations that C libraries and browsers accept ({@code inet_aton}): one
   * to four parts, each decimal, octal (leading {@code 0}) or hexadecimal ({@code 0x}), the last
   * filling the remaining bytes; so {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1} and
   * {@code 127.1} are all 127.0.0.1. Java would read {@code 0177.0.0.1} as 177.0.0.1 and not accept
   * hexadecimal at all; parsing them here makes the checked and the connected address the one any
   * other client would reach. Returns null for anything else.
   */
  static byte @Nullable [] numericIpv4(String host) {
    if (!NUMERIC_IPV4.matcher(host).matches()) {
      return null;
    }
    String[] parts = host.split("\\.");
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].toLowerCase(Locale.ROOT);
      try {
        if (part.startsWith("0x")) {
          values[i] = part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
        } else if (part.length() > 1 && part.startsWith("0")) {
          values[i] = Long.parseLong(part.substring(1), 8);
        } else {
          values[i] = Long.parseLong(part);
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    long value = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (values[i] > 0xff) {
        return null;
      }
      value |= values[i] << (8 * (3 - i));
    }
    long last = values[parts.length - 1];
    if (last >= (1L << (8 * (4 - (parts.length - 1))))) {
      return null;
    }
    value |= last;
    return new byte[] {
      (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
    };
  }

  private static boolean looksLikeAddress(String entry) {
    return entry.contains(":") || entry.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  private record Range(byte[] network, int prefix, String name) {

    static Range parse(String cidr, String name) {
      int slash = cidr.indexOf('/');
      String address = cidr.substring(0, slash);
      if (!looksLikeAddress(address)) {
        throw new IllegalArgumentException("not an IP address or CIDR range: " + cidr);
      }
      byte[] bytes;
      try {
        bytes = InetAddress.getByName(address).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address or CIDR range: " + cidr, e);
      }
      if (address.contains(":") && bytes.length == 4) {
        // Java turns "::ffff:a.b.c.d" into an IPv4 address; keep the IPv6 form.
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(bytes, 0, mapped, 12, 4);
        bytes = mapped;
      }
      int prefix = Integer.parseInt(cidr.substring(slash + 1));
      if (prefix < 0) {
        prefix = bytes.length * 8;
      }
      if (prefix > bytes.length * 8) {
        throw new IllegalArgumentException("prefix too long: " + cidr);
      }
      return new Range(bytes, prefix, name);
    }

    boolean contains(byte[] address) {
      byte[] candidate = address;
      if (candidate.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (candidate[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (candidate[full] & mask) == (network[full] & mask);
    }
  }
}
