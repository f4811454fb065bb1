package org.openwaba.platform;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.stereotype.Component;

/**
 * Mints identifiers. Thread-safe.
 *
 * <p>Numeric ids stay between 10^14 and 2^53−1 so that JavaScript clients, which parse ids as IEEE
 * doubles, read them exactly, and so that they look like Meta's 15–16 digit ids. Opaque ids are
 * URL-safe base64 without padding of 16 bytes: 8 bytes of wall-clock nanoseconds-ish ordering and 8
 * random bytes, so they sort roughly by creation and never collide in practice.
 */
@Component
public class Ids {

  /** The largest integer a JavaScript number represents exactly: 2^53−1. */
  public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private static final long MIN_NUMERIC_ID = 100_000_000_000_000L;
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private final SecureRandom secureRandom = new SecureRandom();

  /** A random numeric id in [10^14, 2^53−1]. */
  public long numericId() {
    return ThreadLocalRandom.current().nextLong(MIN_NUMERIC_ID, MAX_SAFE_INTEGER + 1);
  }

  /** A unique URL-safe base64 string of 22 characters, roughly ordered by creation time. */
  public String opaqueId() {
    byte[] bytes = new byte[16];
    long time = System.currentTimeMillis();
    for (int i = 5; i >= 0; i--) {
      bytes[i] = (byte) time;
      time >>>= 8;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 6; i < 16; i++) {
      bytes[i] = (byte) random.nextInt();
    }
    return URL_SAFE.encodeToString(bytes);
  }

  /** {@code byteCount} bytes from a cryptographically strong source, for secrets and tokens. */
  public byte[] secretBytes(int byteCount) {
    if (byteCount < 16) {
      throw new IllegalArgumentException("byteCount must be at least 16, was " + byteCount);
    }
    byte[] bytes = new byte[byteCount];
    secureRandom.nextBytes(bytes);
    return bytes;
  }

  /** A URL-safe base64 secret of {@code byteCount} strong random bytes. */
  public String secret(int byteCount) {
    return URL_SAFE.encodeToString(secretBytes(byteCount));
  }
}
