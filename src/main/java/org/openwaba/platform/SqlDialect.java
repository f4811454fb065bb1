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

  /** Whether the database is a production server rather than the embedded file store. */
  boolean isProductionStore();
}
