package org.openwaba.network.sandbox;

import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.network.ReactionEmoji;
import org.openwaba.network.sandbox.store.ReceivedMessageStore;
import org.openwaba.network.sandbox.store.StoredMessage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A sandbox device's user reacts to a message the device received, or removes their reaction. The
 * reaction is a message of its own to the business number the reacted message came from: the
 * business receives it as an inbound {@code reaction} message and a {@code message} webhook
 * (reference/cloud-api.md §4.4), and the device's message list shows the reaction on the reacted
 * message. Thread-safe.
 */
@Service
public class DeviceReactions {

  private final SandboxDevices devices;
  private final ReceivedMessageStore messages;

  DeviceReactions(SandboxDevices devices, ReceivedMessageStore messages) {
    this.devices = devices;
    this.messages = messages;
  }

  /**
   * Sets the device's reaction on one of its received messages to {@code emoji}, or removes it with
   * {@code ""}, and sends the reaction to the business, in one transaction.
   *
   * @param emoji the request's {@code emoji} field: exactly one emoji, or {@code ""}
   * @throws SandboxForbiddenException (403) if the account has no sandbox number
   * @throws SandboxMessageNotFoundException (404) if the device received no such message from this
   *     account
   * @throws org.openwaba.platform.InvalidRequestException for a missing emoji (131008), one that is
   *     not exactly one emoji (131009), or a device that is offline (132000)
   */
  @Transactional
  public DeviceSentMessage react(
      AccountId accountId, String number, String messageId, @Nullable JsonNode emoji) {
    devices.device(accountId, number);
    StoredMessage target =
        messages
            .find(accountId, number, messageId)
            .orElseThrow(() -> new SandboxMessageNotFoundException(number, messageId));
    String checked = ReactionEmoji.require(emoji, "emoji");
    ObjectNode content = JsonNodeFactory.instance.objectNode();
    content.put("message_id", messageId);
    content.put("emoji", checked);
    DeviceSentMessage sent =
        devices.sendStructuredToBusiness(
            accountId, number, target.from(), StoredMessage.REACTION, content, "", null);
    messages.react(accountId, number, messageId, checked.isEmpty() ? null : checked, sent.sentAt());
    return sent;
  }
}
