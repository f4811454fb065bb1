package org.openwaba.webhooks;

import java.util.Locale;
import java.util.Optional;

/**
 * The events a registration can subscribe to, by the seed's names, and the Meta webhook field each
 * arrives under.
 */
public enum WebhookEvent {
  /** A device sent a message to one of the business's numbers. */
  MESSAGE("message", "messages"),
  /** An outbound message changed status: sent, delivered, read or failed. */
  MESSAGE_STATUS("message_status", "messages"),
  /**
   * A device changed its profile. Meta has no such field; OpenWABA sends it as {@code contacts}.
   */
  CONTACT_UPDATE("contact_update", "contacts"),
  /** A template's review status changed. */
  TEMPLATE_STATUS("message_template_status_update", "message_template_status_update");

  private final String apiName;
  private final String field;

  WebhookEvent(String apiName, String field) {
    this.apiName = apiName;
    this.field = field;
  }

  /** The name used in registrations, such as {@code message_status}. */
  public String apiName() {
    return apiName;
  }

  /** The {@code changes[].field} of Meta's envelope that carries this event. */
  public String field() {
    return field;
  }

  public static Optional<WebhookEvent> byApiName(String name) {
    for (WebhookEvent event : values()) {
      if (event.apiName.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(event);
      }
    }
    return Optional.empty();
  }
}
