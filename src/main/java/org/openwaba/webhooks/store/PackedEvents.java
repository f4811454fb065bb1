package org.openwaba.webhooks.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.webhooks.WebhookEvent;
import org.openwaba.webhooks.store.EventStore.NewEvent;

/**
 * The text form of several events of one registration in one row of PostgreSQL's log: per event its
 * kind, order key ({@code =key}, or nothing for none), order sequence, creation time in epoch
 * milliseconds and value, separated by the unit separator (U+001F), the events by the record
 * separator (U+001E). Neither can occur in a value, which is JSON, nor in a kind or an order key,
 * which are checked.
 */
final class PackedEvents {

  static final char FIELD = '\u001f';
  static final char EVENT = '\u001e';

  /** The most events one row holds: the step of the log's ids (V34). */
  static final int MAX_PER_ROW = 1024;

  /** One event of a row, as appended. */
  record PackedEvent(
      WebhookEvent kind,
      @Nullable String orderKey,
      long orderSeq,
      Instant createdAt,
      String value) {}

  private PackedEvents() {}

  static String pack(List<NewEvent> events) {
    int size = 0;
    for (NewEvent e : events) {
      size += e.value().length() + 64;
    }
    StringBuilder out = new StringBuilder(size);
    for (NewEvent e : events) {
      if (out.length() > 0) {
        out.append(EVENT);
      }
      out.append(e.kind().apiName()).append(FIELD);
      if (e.orderKey() != null) {
        out.append('=').append(checked(e.orderKey()));
      }
      out.append(FIELD)
          .append(e.orderSeq())
          .append(FIELD)
          .append(e.createdAt().toEpochMilli())
          .append(FIELD)
          .append(checked(e.value()));
    }
    return out.toString();
  }

  private static String checked(String field) {
    if (field.indexOf(FIELD) >= 0 || field.indexOf(EVENT) >= 0) {
      throw new IllegalArgumentException("an event field holds a separator character");
    }
    return field;
  }

  /** The events of a row, in append order. */
  static List<PackedEvent> unpack(String packed) {
    List<PackedEvent> events = new ArrayList<>();
    int start = 0;
    while (true) {
      int end = packed.indexOf(EVENT, start);
      events.add(event(packed, start, end < 0 ? packed.length() : end));
      if (end < 0) {
        return events;
      }
      start = end + 1;
    }
  }

  private static PackedEvent event(String packed, int start, int end) {
    int kindEnd = packed.indexOf(FIELD, start);
    int keyEnd = packed.indexOf(FIELD, kindEnd + 1);
    int seqEnd = packed.indexOf(FIELD, keyEnd + 1);
    int createdEnd = packed.indexOf(FIELD, seqEnd + 1);
    if (kindEnd < 0 || keyEnd < 0 || seqEnd < 0 || createdEnd < 0 || createdEnd > end) {
      throw new IllegalStateException("a packed webhook log row is malformed");
    }
    String key = keyEnd == kindEnd + 1 ? null : packed.substring(kindEnd + 2, keyEnd);
    return new PackedEvent(
        EventStore.kindOf(packed.substring(start, kindEnd)),
        key,
        Long.parseLong(packed, keyEnd + 1, seqEnd, 10),
        Instant.ofEpochMilli(Long.parseLong(packed, seqEnd + 1, createdEnd, 10)),
        packed.substring(createdEnd + 1, end));
  }
}
