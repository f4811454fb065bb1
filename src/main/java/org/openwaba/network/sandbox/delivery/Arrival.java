package org.openwaba.network.sandbox.delivery;

import org.openwaba.network.DeliveryError;
import org.openwaba.network.sandbox.store.StoredMessage;

/** What became of one message the moment the sandbox was handed it. */
public sealed interface Arrival {

  /** The message reaches no device and is reported FAILED with {@code error}; nothing is stored. */
  record Undeliverable(String messageId, DeliveryError error) implements Arrival {}

  /** The message was stored on its device, for the first time, as {@code plan} says. */
  record Received(StoredMessage message, ArrivalPlan plan) implements Arrival {}
}
