package org.openwaba.network;

import java.time.Instant;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;

/**
 * A device changed its profile as one business account sees it. Published synchronously inside the
 * network's transaction.
 *
 * @param phoneNumberId the business number the account talks to the device from (its default)
 * @param number the device's number in E.164
 */
public record DeviceProfileChanged(
    AccountId accountId,
    PhoneNumberId phoneNumberId,
    String number,
    String profileName,
    Instant at) {}
