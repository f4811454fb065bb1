/**
 * Shared kernel that knows no feature: error codes and the error envelope, request ids, id
 * generation, the clock, JSON setup, the SQL dialect, write transactions and group commit.
 */
@NullMarked
package org.openwaba.platform;

import org.jspecify.annotations.NullMarked;
