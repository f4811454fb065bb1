package org.openwaba.network;

/**
 * Carries accepted messages to recipients and reports what becomes of them through {@link
 * DeliveryStatusReported} events.
 *
 * <p>Implementations are Spring beans; {@link DeliveryNetworks} finds one by the {@link #name()}
 * stored with each business phone number.
 */
public interface DeliveryNetwork {

  /** The name phone numbers refer to, such as {@code sandbox}. */
  String name();

  /**
   * Hands a message over. Called inside the dispatcher's read-write transaction: writes the network
   * makes to its own tables commit together with the message's {@code sent} status.
   *
   * <p>Idempotent by {@link OutboundMessage#messageId()}: after a crash the dispatcher may hand the
   * same message over again, and the recipient must still receive it once.
   *
   * @throws RuntimeException if the message could not be handed over now; the dispatcher retries it
   *     later with backoff
   */
  void deliver(OutboundMessage message);
}
