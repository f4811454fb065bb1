/** Accounts internals: the admin API, the bearer authentication filter and the caller endpoint. */
@NullMarked
package org.openwaba.accounts.web;

import org.jspecify.annotations.NullMarked;
