package org.openwaba.bench;

import java.util.SortedMap;

/**
 * What one measured phase produced. Counts cover requests that started inside the measurement
 * window (warm-up excluded).
 *
 * @param name short phase name, e.g. {@code send-message}
 * @param endpoint method and path, e.g. {@code POST /v2/send-message}
 * @param seconds length of the measurement window
 * @param ok successful requests (2xx, and for sends a {@code "status":"success"} body)
 * @param responses requests that got any HTTP response
 * @param statusCounts responses by HTTP status
 * @param httpErrors non-2xx responses other than 429
 * @param rateLimited 429 responses
 * @param unexpectedBody 2xx responses whose body did not show success
 * @param transportErrors requests that got no HTTP response (refused, reset, timeout, bad framing)
 * @param firstTransportError description of the first transport error, or null
 * @param latency latency of every request that got an HTTP response
 * @param warmupRequests requests sent during warm-up (not measured)
 * @param connectionsOpened TCP connections opened during the whole phase, -1 if unknown
 * @param generatorCpuCores CPU used by the generator's process during measurement, in cores, or -1
 * @param machineCpuCores CPU used by all processes on the machine during measurement, or -1
 */
public record PhaseResult(
    String name,
    String endpoint,
    double seconds,
    long ok,
    long responses,
    SortedMap<Integer, Long> statusCounts,
    long httpErrors,
    long rateLimited,
    long unexpectedBody,
    long transportErrors,
    String firstTransportError,
    Latency latency,
    long warmupRequests,
    int connectionsOpened,
    double generatorCpuCores,
    double machineCpuCores) {

  public double okPerSecond() {
    return seconds > 0 ? ok / seconds : 0;
  }

  public double responsesPerSecond() {
    return seconds > 0 ? responses / seconds : 0;
  }
}
