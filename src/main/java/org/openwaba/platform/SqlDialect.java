package org.openwaba.platform;

/**
 * What differs between the supported databases, in one place. Chosen at start-up from the
 * connection's product name; modules write SQL both databases accept and ask the dialect for the
 * rest.
 */
public interface SqlDialect {

  /** {@code "sqlite"} or {@code "postgresql"}. */
  String name();

  /**
   * Whether writes must be serialised inside this JVM. SQLite allows one writer at a time, and its
   * busy handler sleeps in steps of milliseconds, which would ruin latency under contention; an
   * in-process lock hands the write lock over without sleeping.
   */
  boolean serializesWrites();

  /**
   * The clause that ends an {@code INSERT} so that a row whose key already exists is left alone,
   * such as {@code ON CONFLICT (id) DO NOTHING}. Both databases accept this form.
   */
  default String insertIgnoringConflictOn(String keyColumns) {
    return "ON CONFLICT (" + keyColumns + ") DO NOTHING";
  }

  /**
   * The clause that ends a {@code SELECT} whose rows the transaction is about to claim, so that a
   * concurrent claimer on another connection skips them instead of waiting or taking them too:
   * {@code FOR UPDATE OF <table> SKIP LOCKED} on PostgreSQL (locking only that table's rows of a
   * join), nothing on SQLite, whose writers are serialised.
   *
   * @param table the table, or its alias in the query, whose rows are claimed
   */
  String claimingRowsOf(String table);

  /**
   * Whether several server processes may share the store. A SQLite file belongs to one process (its
   * writes are serialised by a lock inside that process), so work only that process does can be
   * claimed in its memory, with no row written; servers sharing PostgreSQL must claim in the store.
   */
  boolean sharedByServers();

  /** Whether the database is a production server rather than the embedded file store. */
  boolean isProductionStore();
}
