package org.openwaba.network.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.openwaba.network.DeliveryError;
import org.openwaba.network.DeliveryNetwork;
import org.openwaba.network.DeliveryStatusesReported;
import org.openwaba.network.OutboundMessage;
import org.openwaba.network.sandbox.delivery.ArrivalPlan;
import org.openwaba.network.sandbox.delivery.ReceiptReporter;
import org.openwaba.network.sandbox.delivery.ReceiptTimings;
import org.openwaba.network.sandbox.store.DeviceStore;
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

  /**
   * Stores the message on its recipient's device, creating the device on first use, and reports or
   * schedules its receipts. A message to the not-on-WhatsApp number is reported FAILED (131026) and
   * nothing is stored, so a repeat reports FAILED again.
   *
   * <p>Idempotent by message id: a message handed over again is ignored and nothing is reported.
   * Joins the caller's transaction, or starts one.
   */
  @Override
  @Transactional
  public void deliver(List<OutboundMessage> messages) {
    messages.forEach(this::deliver);
  }

  private void deliver(OutboundMessage message) {
    // Milliseconds, as stored, so that a report's time equals the time the API shows.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    DeviceBehaviour behaviour = DeviceBehaviour.of(message.to());
    if (behaviour == DeviceBehaviour.NOT_ON_WHATSAPP) {
      reporter.failed(
          message.messageId(),
          new DeliveryError(
              UNDELIVERABLE,
              "Message undeliverable",
              message.to() + " is not on WhatsApp (sandbox magic number)"),
          now);
      return;
    }
    DeviceStore.Slot slot =
        devices.nextSlot(message.accountId(), message.to(), behaviour.startsOnline(), now);
    ArrivalPlan plan = timings.onArrival(behaviour, slot.online(), now);
    StoredMessage stored =
        new StoredMessage(
            message.messageId(),
            message.accountId(),
            message.to(),
            slot.seq(),
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
            plan.readAt());
    if (messages.insertIfAbsent(stored)) {
      reporter.arrived(stored, plan);
    }
  }
}
