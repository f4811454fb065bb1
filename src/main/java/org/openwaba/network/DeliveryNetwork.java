package org.openwaba.network;

import java.util.List;

/**
 * Carries accepted messages to recipients and reports what becomes of them through {@link
 * DeliveryStatusesReported} events.
 *
 * <p>Implementations are Spring beans; {@link DeliveryNetworks} finds one by the {@link #name()}
 * stored with each business phone number.
 */
public interface DeliveryNetwork {

  /** The name phone numbers refer to, such as {@code sandbox}. */
  String name();

  /**
   * Hands messages over, in order. Called inside the dispatcher's read-write transaction: writes
   * the network makes to its own tables commit together with the messages' {@code sent} status.
   * Batches hold up to {@code openwaba.messaging.dispatch-batch-size} messages; implementations
   * should write them with batched statements, since this is the hot path of every send.
   *
   * <p>Idempotent by {@link OutboundMessage#messageId()}: after a crash the dispatcher may hand the
   * same message over again, and the recipient must still receive it once.
   *
   * @throws RuntimeException if the messages could not be handed over now; the dispatcher then
   *     hands each over alone, and retries those that still fail later with backoff
   */
  void deliver(List<OutboundMessage> messages);

  /**
   * Whether {@link #deliver} may be called inside the transaction that accepts the messages, so
   * that they skip the dispatch queue. True only for a network that lives in this process and
   * writes nothing but its own tables in the application's database, quickly: the accepting
   * transaction holds the callers of the send API until it commits. If such a hand-over throws, the
   * messages are queued for the dispatcher instead, so acceptance never depends on the network.
   */
  default boolean handsOverInTransaction() {
    return false;
  }
}
