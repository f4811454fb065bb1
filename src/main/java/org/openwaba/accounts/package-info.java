/**
 * Business accounts, their phone numbers, access tokens and app secrets; bearer authentication of
 * {@code /v2} requests and the operator's admin API under {@code /admin/v1}. Owns the tables {@code
 * accounts_account}, {@code accounts_phone_number} and {@code accounts_token}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {})
package org.openwaba.accounts;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
