package org.openwaba.webhooks.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.store.EventStore.NewEvent;
import org.openwaba.webhooks.store.PackedEvents.PackedEvent;

class PackedEventsTests {

  private static NewEvent event(WebhookEvent kind, @Nullable String key, long seq, String value) {
    return new NewEvent(
        0, 7, 3, kind, key, seq, value, Instant.ofEpochMilli(1_765_012_345_678L + seq));
  }

  @Test
  void unpacksWhatItPackedFieldForField() {
    List<NewEvent> events =
        List.of(
            event(
                WebhookEvent.MESSAGE_STATUS, "wamid.A=", 2, "{\"a\":\"=\\u00e9 \\ud83d\\ude00\"}"),
            event(WebhookEvent.MESSAGE, null, 0, "{\"text\":\"é 😀 \\n\"}"),
            event(WebhookEvent.MESSAGE_STATUS, "", -1, "{}"));

    List<PackedEvent> unpacked = PackedEvents.unpack(PackedEvents.pack(events));

    assertThat(unpacked).hasSize(3);
    for (int i = 0; i < events.size(); i++) {
      NewEvent e = events.get(i);
      assertThat(unpacked.get(i))
          .isEqualTo(
              new PackedEvent(e.kind(), e.orderKey(), e.orderSeq(), e.createdAt(), e.value()));
    }
    assertThat(unpacked.get(1).orderKey()).as("no key stays no key").isNull();
    assertThat(unpacked.get(2).orderKey()).as("an empty key stays empty").isEmpty();
  }

  @Test
  void refusesAFieldHoldingASeparator() {
    for (char separator : new char[] {PackedEvents.FIELD, PackedEvents.EVENT}) {
      assertThatThrownBy(
              () ->
                  PackedEvents.pack(List.of(event(WebhookEvent.MESSAGE, "k" + separator, 1, "{}"))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  PackedEvents.pack(
                      List.of(
                          event(WebhookEvent.MESSAGE, "k", 1, "{\"a\":\"" + separator + "\"}"))))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void readsTheFormTheMigrationGaveOlderRows() {
    // V34 packs a row of one event with SQL: kind, '=' || key or nothing, seq, created_at, value.
    String migrated = "message_status\u001f=wamid.X\u001f3\u001f1765012345678\u001f{\"s\":1}";

    assertThat(PackedEvents.unpack(migrated))
        .containsExactly(
            new PackedEvent(
                WebhookEvent.MESSAGE_STATUS,
                "wamid.X",
                3,
                Instant.ofEpochMilli(1_765_012_345_678L),
                "{\"s\":1}"));
  }
}
