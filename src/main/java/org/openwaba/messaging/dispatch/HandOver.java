package org.openwaba.messaging.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openwaba.messaging.MessageStatus;
import org.openwaba.messaging.status.StatusRecorder;
import org.openwaba.messaging.store.MessageStore.Addressing;
import org.openwaba.messaging.store.MessageStore.StatusUpdate;
import org.openwaba.messaging.store.StoredMessage;
import org.openwaba.network.DeliveryNetworks;
import org.openwaba.network.OutboundMessage;
import org.springframework.stereotype.Component;

/**
 * Marks messages {@code sent} and hands them to their networks, inside the caller's read-write
 * transaction, so that the status and whatever the network writes commit or roll back together.
 * Used by the dispatcher for queued messages, and by the send path itself for networks that {@link
 * org.openwaba.network.DeliveryNetwork#handsOverInTransaction() take messages inside the accepting
 * transaction}.
 */
@Component
public class HandOver {

  /** A message, the network its phone number uses, and the message as that network takes it. */
  public record Parcel(StoredMessage message, String network, OutboundMessage outbound) {}

  private final StatusRecorder statuses;
  private final DeliveryNetworks networks;

  HandOver(StatusRecorder statuses, DeliveryNetworks networks) {
    this.statuses = statuses;
    this.networks = networks;
  }

  /** Whether messages for this network may be handed over in the transaction that accepts them. */
  public boolean inAcceptingTransaction(String network) {
    return networks.named(network).handsOverInTransaction();
  }

  /**
   * Records {@code sent} at {@code now} for every parcel, then hands each network its messages in
   * the parcels' order, one batch per network.
   *
   * @throws RuntimeException whatever a network threw; the caller's transaction must roll back
   */
  public void handOver(List<Parcel> parcels, Instant now) {
    List<StatusUpdate> sent = new ArrayList<>(parcels.size());
    Map<String, List<OutboundMessage>> byNetwork = new LinkedHashMap<>();
    for (Parcel parcel : parcels) {
      StoredMessage message = parcel.message();
      sent.add(
          new StatusUpdate(message.id(), Addressing.of(message), MessageStatus.SENT, now, null));
      byNetwork
          .computeIfAbsent(parcel.network(), network -> new ArrayList<>())
          .add(parcel.outbound());
    }
    // Sent is written before the hand-over: a network may report delivered at once, in this
    // same transaction, and delivered must follow sent.
    statuses.record(sent);
    byNetwork.forEach((network, batch) -> networks.named(network).deliver(batch));
  }
}
