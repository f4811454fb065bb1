package org.openwaba.accounts;

/** Identifies a business account (a WABA id): a positive number at most 2^53−1. */
public record AccountId(long value) {

  public AccountId {
    if (value <= 0) {
      throw new IllegalArgumentException("account id must be positive, was " + value);
    }
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
