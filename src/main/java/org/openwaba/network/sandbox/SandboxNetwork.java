package org.openwaba.network.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openwaba.network.DeliveryError;
import org.openwaba.network.DeliveryNetwork;
import org.openwaba.network.DeliveryStatusesReported;
import org.openwaba.network.OutboundMessage;
import org.openwaba.network.sandbox.delivery.Arrival;
import org.openwaba.network.sandbox.delivery.ArrivalPlan;
import org.openwaba.network.sandbox.delivery.ReceiptReporter;
import org.openwaba.network.sandbox.delivery.ReceiptTimings;
import org.openwaba.network.sandbox.store.DeviceKey;
import org.openwaba.network.sandbox.store.DeviceStore;
import org.openwaba.network.sandbox.store.Receipt;
import org.openwaba.network.sandbox.store.ReceivedMessageStore;
import org.openwaba.network.sandbox.store.StoredMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sandbox delivery network: hands each message to a virtual device, scoped by business account,
 * which reports it {@code DELIVERED} after {@code openwaba.sandbox.delivered-delay} (1 s) and
 * {@code READ} after a further {@code openwaba.sandbox.read-delay} (3 s), unless the recipient is
 * one of the magic numbers listed in {@link DeviceBehaviour}. Reports are {@link
 * DeliveryStatusesReported} events published synchronously inside a transaction that also records
 * them in the sandbox's tables; each is published once, DELIVERED before READ.
 *
 * <p>Delays are durable: pending receipts are rows that a background worker applies when they come
 * due, so a restart does not lose them. A zero delay is applied inside {@link #deliver} itself.
 * Thread-safe.
 */
@Component
public class SandboxNetwork implements DeliveryNetwork {

  /** The network name phone numbers refer to. */
  public static final String NAME = "sandbox";

  /** Meta's code for a message that cannot be delivered, used for the not-on-WhatsApp number. */
  static final int UNDELIVERABLE = 131026;

  private final DeviceStore devices;
  private final ReceivedMessageStore messages;
  private final ReceiptTimings timings;
  private final ReceiptReporter reporter;
  private final Clock clock;

  SandboxNetwork(
      DeviceStore devices,
      ReceivedMessageStore messages,
      ReceiptTimings timings,
      ReceiptReporter reporter,
      Clock clock) {
    this.devices = devices;
    this.messages = messages;
    this.timings = timings;
    this.reporter = reporter;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** True: the sandbox writes only its own tables, with two batched statements per batch. */
  @Override
  public boolean handsOverInTransaction() {
    return true;
  }

  /**
   * Stores each message on its recipient's device, creating devices on first use, and reports or
   * schedules its receipts. A message to the not-on-WhatsApp number is reported FAILED (131026) and
   * nothing is stored, so a repeat reports FAILED again. Messages to one device are numbered in the
   * list's order.
   *
   * <p>The whole batch costs two batched statements, however many messages it holds: one that
   * creates and numbers the devices, and one that stores the messages with their first receipts.
   * What happens at once (zero delays, failures) is published as one {@link
   * DeliveryStatusesReported} event, in the list's order.
   *
   * <p>Idempotent by message id: a message listed again later in the list is ignored, and one
   * already stored by an earlier call is skipped and nothing is reported for it (its device
   * position is spent, leaving a gap in the device's numbering). Joins the caller's transaction, or
   * starts one.
   */
  @Override
  @Transactional
  public void deliver(List<OutboundMessage> handed) {
    List<OutboundMessage> batch = withoutRepeats(handed);
    if (batch.isEmpty()) {
      return;
    }
    // Milliseconds, as stored, so that a report's time equals the time the API shows.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Map<DeviceKey, DeviceStore.Slots> slots = devices.reserve(reservations(batch), now);

    Map<DeviceKey, Long> nextSeq = new HashMap<>();
    List<Arrival> arrivals = new ArrayList<>(batch.size());
    List<StoredMessage> received = new ArrayList<>(batch.size());
    List<@Nullable Receipt> pending = new ArrayList<>(batch.size());
    for (OutboundMessage message : batch) {
      DeviceBehaviour behaviour = DeviceBehaviour.of(message.to());
      if (behaviour == DeviceBehaviour.NOT_ON_WHATSAPP) {
        arrivals.add(new Arrival.Undeliverable(message.messageId(), notOnWhatsApp(message)));
        continue;
      }
      DeviceKey device = new DeviceKey(message.accountId(), message.to());
      DeviceStore.Slots slot = slots.get(device);
      long seq = nextSeq.merge(device, slot.firstSeq(), (current, first) -> current + 1);
      // Meta reports only sent for a reaction, never delivered or read (§2.9).
      ArrivalPlan plan =
          StoredMessage.REACTION.equals(message.type())
              ? ArrivalPlan.WAIT
              : timings.onArrival(behaviour, slot.online(), now);
      StoredMessage stored = stored(message, seq, now, plan);
      received.add(stored);
      pending.add(plan.pendingReceipt(stored));
      arrivals.add(new Arrival.Received(stored, plan));
    }

    boolean[] inserted = messages.insertAllIfAbsent(received, pending);
    List<Arrival> firstTime = new ArrayList<>(arrivals.size());
    int index = 0;
    for (Arrival arrival : arrivals) {
      if (arrival instanceof Arrival.Undeliverable || inserted[index++]) {
        firstTime.add(arrival);
      }
    }
    reporter.handedOver(firstTime, now);
  }

  private static List<OutboundMessage> withoutRepeats(List<OutboundMessage> handed) {
    Set<String> seen = new HashSet<>();
    List<OutboundMessage> first = new ArrayList<>(handed.size());
    for (OutboundMessage message : handed) {
      if (seen.add(message.messageId())) {
        first.add(message);
      }
    }
    return first;
  }

  /** One reservation per device the batch reaches, for as many messages as go to it. */
  private static List<DeviceStore.Reservation> reservations(List<OutboundMessage> batch) {
    Map<DeviceKey, Integer> counts = new LinkedHashMap<>();
    for (OutboundMessage message : batch) {
      if (DeviceBehaviour.of(message.to()) != DeviceBehaviour.NOT_ON_WHATSAPP) {
        counts.merge(new DeviceKey(message.accountId(), message.to()), 1, Integer::sum);
      }
    }
    List<DeviceStore.Reservation> reservations = new ArrayList<>(counts.size());
    counts.forEach(
        (device, count) ->
            reservations.add(
                new DeviceStore.Reservation(
                    device, count, DeviceBehaviour.of(device.number()).startsOnline())));
    return reservations;
  }

  private static DeliveryError notOnWhatsApp(OutboundMessage message) {
    return new DeliveryError(
        UNDELIVERABLE,
        "Message undeliverable",
        message.to() + " is not on WhatsApp (sandbox magic number)");
  }

  private static StoredMessage stored(
      OutboundMessage message, long seq, Instant now, ArrivalPlan plan) {
    return new StoredMessage(
        message.messageId(),
        message.accountId(),
        message.to(),
        seq,
        message.phoneNumberId(),
        message.from(),
        message.type(),
        message.body(),
        message.spans(),
        message.previewUrl(),
        message.replyTo(),
        message.acceptedAt(),
        now,
        plan.deliveredAt(),
        plan.readAt(),
        message.media(),
        message.content());
  }
}
