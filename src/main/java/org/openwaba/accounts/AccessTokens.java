package org.openwaba.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The format and hashing of access tokens: {@code owa_} followed by 32 random bytes in URL-safe
 * base64. A token has 256 bits of entropy, so one SHA-256 hash suffices to store it safely; a slow
 * password hash would only slow every request down.
 */
public final class AccessTokens {

  /** The prefix of every token we mint, so that leaked tokens are easy to scan for. */
  public static final String PREFIX = "owa_";

  /** Random bytes in a minted token. */
  public static final int RANDOM_BYTES = 32;

  /** Shortest token accepted from configuration (bootstrap), in characters. */
  public static final int MIN_CONFIGURED_LENGTH = 32;

  /** Shortest and longest token looked up at all; anything else is refused before hashing. */
  static final int MIN_LENGTH = 16;

  static final int MAX_LENGTH = 512;

  /**
   * Copied for each hash: looking a digest up by name costs more than hashing a token, and a
   * thread-local one would be made afresh on every request's virtual thread.
   */
  private static final MessageDigest SHA_256 = newSha256();

  private AccessTokens() {}

  /** Whether a presented token could be one of ours or a configured one, before any lookup. */
  public static boolean isWellFormed(String token) {
    int length = token.length();
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (!isTokenChar(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Letters, digits and {@code . _ ~ + / = -}: base64 in either alphabet, and RFC 6750's rest. */
  private static boolean isTokenChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '~'
        || c == '+'
        || c == '/'
        || c == '='
        || c == '-';
  }

  /** Hex SHA-256 of the token, the only form in which it is stored. */
  public static String hash(String token) {
    return HexFormat.of().formatHex(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
