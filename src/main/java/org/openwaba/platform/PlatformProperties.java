package org.openwaba.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every module, under {@code openwaba.platform}.
 *
 * @param publicBaseUrl the URL clients reach this server at, used wherever the server hands out a
 *     link to itself (for example behind a TLS-terminating proxy); when unset, links are built from
 *     the incoming request's scheme, host and port
 * @param maxBodyBytes the largest request body accepted on JSON endpoints, in bytes; a larger one
 *     is answered with 413 and code 190413. The default, 256 KiB, holds the longest valid text
 *     message (4,096 code points, each escaped as a 12-character surrogate pair) with room to spare
 * @param sqlitePoolSize connections kept open to the SQLite file; readers run in parallel under
 *     WAL, writers are serialised in-process
 * @param sqliteSynchronous SQLite's {@code synchronous} pragma: {@code NORMAL} survives a crash of
 *     the process (every acknowledged write is in the WAL file), {@code FULL} also survives a power
 *     loss at the cost of an fsync per commit
 * @param groupCommitMaxBatch the most writes combined into one transaction by a group committer
 * @param groupCommitQueueCapacity writes that may wait for a group committer before new ones are
 *     refused with 503
 * @param groupCommitTimeout how long a request waits for its write to commit before it is answered
 *     with 503
 * @param groupCommitLinger how long a group committer waits after the first write of a batch for
 *     others to join it before committing; zero commits at once. Trades a little latency for fewer
 *     commits when requests arrive evenly spread
 * @param outbound the guard on outbound HTTP to user-chosen URLs (media URLs, webhooks)
 */
@Validated
@ConfigurationProperties("openwaba.platform")
public record PlatformProperties(
    @Nullable URI publicBaseUrl,
    @DefaultValue("262144") @Min(1024) @Max(16777216) int maxBodyBytes,
    @DefaultValue("4") @Min(1) @Max(64) int sqlitePoolSize,
    @DefaultValue("NORMAL") String sqliteSynchronous,
    @DefaultValue("512") @Min(1) @Max(10000) int groupCommitMaxBatch,
    @DefaultValue("20000") @Min(1) int groupCommitQueueCapacity,
    @DefaultValue("10s") Duration groupCommitTimeout,
    @DefaultValue("1ms") Duration groupCommitLinger,
    @DefaultValue Outbound outbound) {

  /**
   * Settings of the SSRF guard, under {@code openwaba.platform.outbound}. Both are for development
   * and tests only: in production outbound requests go to public addresses over https.
   *
   * @param allowedHosts host names, addresses or CIDR ranges that may be reached although they are
   *     not public (for example {@code localhost} or {@code 10.0.0.0/8}); empty by default
   * @param allowHttp whether plain {@code http} URLs may be requested; off by default
   * @param trustedCertificates a PEM file of certificates to trust for https, in addition to the
   *     JVM's authorities: media hosts and webhook receivers behind a private CA
   */
  public record Outbound(
      @DefaultValue List<String> allowedHosts,
      @DefaultValue("false") boolean allowHttp,
      @Nullable Resource trustedCertificates) {}
}
