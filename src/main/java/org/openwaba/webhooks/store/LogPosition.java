package org.openwaba.webhooks.store;

/**
 * A place in the append-only webhook log, which is ordered by the inserting transaction, then by
 * id. On SQLite, whose single writer commits in id order, {@code tx} is always 0.
 *
 * @param tx the inserting transaction's id (PostgreSQL), or 0
 * @param id the event's id
 */
public record LogPosition(long tx, long id) implements Comparable<LogPosition> {

  /** Before every event. */
  public static final LogPosition START = new LogPosition(0, 0);

  @Override
  public int compareTo(LogPosition other) {
    int byTx = Long.compare(tx, other.tx);
    return byTx != 0 ? byTx : Long.compare(id, other.id);
  }

  /** Whether this lies after {@code other}. */
  public boolean isAfter(LogPosition other) {
    return compareTo(other) > 0;
  }
}
