package org.openwaba.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

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

  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._~+/=-]{16,512}");

  private AccessTokens() {}

  /** Whether a presented token could be one of ours or a configured one, before any lookup. */
  public static boolean isWellFormed(String token) {
    return WELL_FORMED.matcher(token).matches();
  }

  /** Hex SHA-256 of the token, the only form in which it is stored. */
  public static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
