/** Accounts internals: persistence of accounts, phone numbers and token hashes. */
@NullMarked
package org.openwaba.accounts.store;

import org.jspecify.annotations.NullMarked;
