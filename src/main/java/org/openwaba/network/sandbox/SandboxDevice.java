package org.openwaba.network.sandbox;

/**
 * A virtual device as one business account sees it. A device nobody has used yet is reported with
 * its behaviour's defaults and zero counts.
 *
 * @param number the device's number in E.164, such as {@code +14155552671}
 * @param online whether messages are delivered to it now
 * @param counts what it received from this account
 */
public record SandboxDevice(
    String number, boolean online, DeviceBehaviour behaviour, Counts counts) {

  /**
   * Messages the device received from one account.
   *
   * @param received every message handed to the device
   * @param undelivered received but not yet delivered (the device is offline or the delay runs)
   * @param delivered delivered, read or not
   * @param read delivered and read
   */
  public record Counts(long received, long undelivered, long delivered, long read) {}
}
