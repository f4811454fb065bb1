package org.openwaba.webhooks.payload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openwaba.webhooks.BodyForm;

/**
 * Builds the body of one POST from the values of its events: Meta's envelope with one entry for the
 * account and one change per event, in the registration's body form.
 */
public final class Envelopes {

  /** A change to carry: Meta's {@code field} and the {@code value} as JSON text. */
  public record Change(String field, String value) {}

  private Envelopes() {}

  /** The exact bytes to send and sign. */
  public static byte[] body(long accountId, List<Change> changes, BodyForm form) {
    StringBuilder json = new StringBuilder(512 * changes.size());
    json.append("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"")
        .append(accountId)
        .append("\",\"changes\":[");
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"value\":")
          .append(change.value())
          .append(",\"field\":")
          .append(JsonText.stringify(change.field()))
          .append('}');
    }
    json.append("]}]}");
    String text =
        form == BodyForm.META ? JsonText.escapeNonAscii(json.toString()) : json.toString();
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
