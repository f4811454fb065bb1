package org.openwaba.accounts;

/** Identifies a business phone number (Meta's {@code phone_number_id}): positive, ≤ 2^53−1. */
public record PhoneNumberId(long value) {

  public PhoneNumberId {
    if (value <= 0) {
      throw new IllegalArgumentException("phone number id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
