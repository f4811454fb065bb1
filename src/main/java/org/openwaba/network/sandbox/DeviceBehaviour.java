package org.openwaba.network.sandbox;

import java.util.Locale;

/**
 * How a sandbox device behaves, fixed by its number. Four magic numbers behave specially; every
 * other valid number is a {@link #DEFAULT} device.
 *
 * <table>
 *   <caption>Magic recipient numbers</caption>
 *   <tr><th>Number</th><th>Behaviour</th><th>What happens to a message sent to it</th></tr>
 *   <tr><td>{@value #NOT_ON_WHATSAPP_NUMBER}</td><td>{@code not_on_whatsapp}</td>
 *       <td>FAILED at once with error 131026 (message undeliverable); nothing is stored</td></tr>
 *   <tr><td>{@value #OFFLINE_NUMBER}</td><td>{@code offline}</td>
 *       <td>the device starts offline: the message waits until the device is switched online
 *       through the API, then is delivered and read with the normal delays</td></tr>
 *   <tr><td>{@value #NEVER_READS_NUMBER}</td><td>{@code never_reads}</td>
 *       <td>delivered, but never read unless marked read through the API</td></tr>
 *   <tr><td>{@value #SLOW_NUMBER}</td><td>{@code slow}</td>
 *       <td>delivered after {@code openwaba.sandbox.slow-delivery-delay} (10 s), then read</td></tr>
 *   <tr><td>any other</td><td>{@code default}</td>
 *       <td>delivered after {@code openwaba.sandbox.delivered-delay} (1 s), read after a further
 *       {@code openwaba.sandbox.read-delay} (3 s)</td></tr>
 * </table>
 */
public enum DeviceBehaviour {
  /** Online; delivers and reads after the configured delays. */
  DEFAULT,
  /** The number has no WhatsApp account: every message to it fails with 131026. */
  NOT_ON_WHATSAPP,
  /** Starts offline; messages wait until it is switched online. */
  OFFLINE,
  /** Delivers but never reads by itself. */
  NEVER_READS,
  /** Delivers after the slow delivery delay. */
  SLOW;

  /** Messages to this number fail: it is not on WhatsApp. */
  public static final String NOT_ON_WHATSAPP_NUMBER = "+12025550101";

  /** This device starts offline. */
  public static final String OFFLINE_NUMBER = "+12025550102";

  /** This device delivers but never reads by itself. */
  public static final String NEVER_READS_NUMBER = "+12025550103";

  /** This device delivers slowly. */
  public static final String SLOW_NUMBER = "+12025550104";

  /** The behaviour of the device with this E.164 number, such as {@code +14155552671}. */
  public static DeviceBehaviour of(String e164) {
    return switch (e164) {
      case NOT_ON_WHATSAPP_NUMBER -> NOT_ON_WHATSAPP;
      case OFFLINE_NUMBER -> OFFLINE;
      case NEVER_READS_NUMBER -> NEVER_READS;
      case SLOW_NUMBER -> SLOW;
      default -> DEFAULT;
    };
  }

  /** The name used in the API and the docs, such as {@code never_reads}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a device with this behaviour is online when it is created. */
  public boolean startsOnline() {
    return this != OFFLINE && this != NOT_ON_WHATSAPP;
  }

  /** Whether the device reads delivered messages by itself, after the read delay. */
  public boolean readsByItself() {
    return this != NEVER_READS && this != NOT_ON_WHATSAPP;
  }
}
