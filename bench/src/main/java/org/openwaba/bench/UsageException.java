package org.openwaba.bench;

/** A bad command line; the message says which option is wrong and why. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
