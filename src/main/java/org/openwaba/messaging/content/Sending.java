package org.openwaba.messaging.content;

import org.openwaba.accounts.AuthenticatedAccount;
import org.openwaba.accounts.PhoneNumber;

/**
 * Who sends a message, from which number, to whom: what a type may need to check its object (a
 * reaction's target must be in this conversation; a template must be the account's).
 *
 * @param recipient the recipient in E.164
 */
public record Sending(AuthenticatedAccount caller, PhoneNumber sender, String recipient) {}
