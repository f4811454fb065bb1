package org.openwaba.messaging;

import java.util.List;

/**
 * A message of any type durably stored and queued for delivery.
 *
 * @param type the stored type
 * @param warnings advice about the message that is not a refusal (the seed's 30-second notes on
 *     media)
 */
public record SentMessage(AcceptedMessage accepted, String type, List<String> warnings) {

  public SentMessage {
    warnings = List.copyOf(warnings);
  }
}
