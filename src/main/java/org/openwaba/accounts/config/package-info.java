/** Accounts internals: settings and the first-start bootstrap of a default sandbox account. */
@NullMarked
package org.openwaba.accounts.config;

import org.jspecify.annotations.NullMarked;
