package org.openwaba.webhooks.payload;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The {@code X-Hub-Signature-256} header value: HMAC-SHA256 of the exact body bytes. */
public final class Signatures {

  private Signatures() {}

  /** {@code sha256=} followed by the lowercase hex HMAC of {@code body} keyed with the secret. */
  public static String xHubSignature256(String appSecret, byte[] body) {
    return signer(appSecret).sign(body);
  }

  /** A signer keyed with {@code appSecret}, for signing many bodies with one secret. */
  public static Signer signer(String appSecret) {
    return new Signer(keyed(appSecret));
  }

  private static Mac keyed(String appSecret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  /**
   * Signs bodies with one secret. Each signature starts from a copy of a Mac keyed once, which
   * spares every webhook POST the provider lookup and key setup. Thread-safe.
   */
  public static final class Signer {

    private final Mac keyed;
    private final boolean copyable;

    private Signer(Mac keyed) {
      this.keyed = keyed;
      this.copyable = copy(keyed) != null;
    }

    /** {@code sha256=} followed by the lowercase hex HMAC of {@code body}. */
    public String sign(byte[] body) {
      Mac mac = copyable ? copy(keyed) : null;
      if (mac == null) {
        synchronized (keyed) {
          return hex(keyed.doFinal(body));
        }
      }
      return hex(mac.doFinal(body));
    }

    private static String hex(byte[] digest) {
      return "sha256=" + HexFormat.of().formatHex(digest);
    }

    private static Mac copy(Mac mac) {
      try {
        return (Mac) mac.clone();
      } catch (CloneNotSupportedException e) {
        return null;
      }
    }

    @Override
    public String toString() {
      // Never the key: signers sit in caches and may reach a log line.
      return "Signer[HmacSHA256]";
    }
  }
}
