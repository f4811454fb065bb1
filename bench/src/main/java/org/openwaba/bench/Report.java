package org.openwaba.bench;

/**
 * The whole run's results plus the setting they were obtained in.
 *
 * @param verify null when {@code --verify-status} was not used
 */
public record Report(
    String baseUrl,
    String client,
    int connections,
    int warmupSeconds,
    int durationSeconds,
    int recipients,
    double targetRate,
    PhaseResult send,
    VerifyResult verify,
    PhaseResult me,
    String javaVersion,
    String javaVendor,
    String vmName,
    int availableProcessors) {

  /** Accepted sends per second divided by successful cheap requests per second (NaN if none). */
  public double ratio() {
    double cheap = me.okPerSecond();
    return cheap > 0 ? send.okPerSecond() / cheap : Double.NaN;
  }
}
