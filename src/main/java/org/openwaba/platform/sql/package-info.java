/**
 * Platform internals: data source, SQL dialects and the transaction manager that serialises SQLite
 * writes.
 */
@NullMarked
package org.openwaba.platform.sql;

import org.jspecify.annotations.NullMarked;
