package org.openwaba.bench;

import org.HdrHistogram.Histogram;

/**
 * Latency percentiles in microseconds.
 *
 * @param count number of recorded requests
 */
public record Latency(
    long count, double meanUs, long p50Us, long p90Us, long p99Us, long p999Us, long maxUs) {

  public static final Latency EMPTY = new Latency(0, 0, 0, 0, 0, 0, 0);

  /** Summarises a histogram recorded in microseconds. */
  public static Latency of(Histogram h) {
    if (h.getTotalCount() == 0) {
      return EMPTY;
    }
    return new Latency(
        h.getTotalCount(),
        h.getMean(),
        h.getValueAtPercentile(50),
        h.getValueAtPercentile(90),
        h.getValueAtPercentile(99),
        h.getValueAtPercentile(99.9),
        h.getMaxValue());
  }
}
