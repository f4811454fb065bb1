package org.openwaba.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** Where requests go: resolved address, Host header and the API paths under the base URL. */
final class Target {
  final URI base;
  final String token;
  final InetSocketAddress address;
  final String hostHeader;
  final String sendPath;
  final String mePath;
  final String statusPathPrefix;
  final int timeoutMillis;

  Target(BenchConfig cfg) throws UnknownHostException {
    this.base = cfg.baseUri();
    this.token = cfg.token();
    int port = cfg.port();
    String host = base.getHost();
    this.address = new InetSocketAddress(InetAddress.getByName(host), port);
    boolean defaultPort =
        base.getPort() < 0
            || ("http".equals(base.getScheme()) && port == 80)
            || ("https".equals(base.getScheme()) && port == 443);
    this.hostHeader = defaultPort ? host : host + ":" + port;
    String bp = cfg.basePath();
    this.sendPath = bp + "/v2/send-message";
    this.mePath = bp + "/v2/me";
    this.statusPathPrefix = bp + "/v2/message-status?message_id=";
    this.timeoutMillis = cfg.timeoutSeconds() * 1000;
  }

  String statusPath(String messageId) {
    return statusPathPrefix + URLEncoder.encode(messageId, StandardCharsets.UTF_8);
  }

  /** Absolute URI for a server-root-relative path (for the JDK client). */
  URI uri(String pathAndQuery) {
    return URI.create(base.getScheme() + "://" + base.getRawAuthority() + pathAndQuery);
  }
}
