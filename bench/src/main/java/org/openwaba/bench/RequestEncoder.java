package org.openwaba.bench;

import java.nio.charset.StandardCharsets;

/**
 * Builds the raw HTTP/1.1 request bytes the socket client writes, and the JSON send-message body
 * both clients use.
 *
 * <p>Everything constant (request line, Host, Authorization, Content-Type, the fixed parts of the
 * body, the recipient numbers) is encoded once; per request only the Content-Length and message
 * sequence digits are written, into a buffer reused for every request of one connection. One
 * instance per connection (not thread-safe).
 */
final class RequestEncoder {
  private static final byte[] BODY_A = ascii("{\"phone_number\":\"");
  private static final byte[] BODY_B = ascii("\",\"message\":\"Load test message ");
  private static final byte[] BODY_C = ascii(" *bold*\"}");
  private static final byte[] CRLFCRLF = ascii("\r\n\r\n");

  private final byte[] sendHead;
  private final byte[][] phones;
  private byte[] buf = new byte[1024];

  /**
   * @param hostHeader value of the Host header, e.g. {@code 127.0.0.1:8080}
   * @param token bearer token
   * @param sendPath request target of send-message, e.g. {@code /v2/send-message}
   * @param phones recipient numbers as ASCII, see {@link Recipients#table(int)}
   */
  RequestEncoder(String hostHeader, String token, String sendPath, byte[][] phones) {
    this.sendHead =
        ascii(
            "POST "
                + sendPath
                + " HTTP/1.1\r\nHost: "
                + hostHeader
                + "\r\nUser-Agent: openwaba-bench\r\nAuthorization: Bearer "
                + token
                + "\r\nContent-Type: application/json\r\nContent-Length: ");
    this.phones = phones;
  }

  /** A complete GET request with the bearer token. */
  static byte[] get(String hostHeader, String token, String pathAndQuery) {
    return ascii(
        "GET "
            + pathAndQuery
            + " HTTP/1.1\r\nHost: "
            + hostHeader
            + "\r\nUser-Agent: openwaba-bench\r\nAuthorization: Bearer "
            + token
            + "\r\nAccept: application/json\r\n\r\n");
  }

  /** The recipient used for sequence number {@code seq}. */
  byte[] phone(long seq) {
    return phones[Recipients.indexFor(seq, phones.length)];
  }

  /**
   * Encodes the send-message request with sequence number {@code seq} into {@link #buffer()}.
   *
   * @return the number of valid bytes in {@link #buffer()}
   */
  int encodeSend(long seq) {
    byte[] phone = phone(seq);
    int bodyLen = bodyLength(phone, seq);
    int need = sendHead.length + 20 + CRLFCRLF.length + bodyLen;
    if (buf.length < need) {
      buf = new byte[need * 2];
    }
    System.arraycopy(sendHead, 0, buf, 0, sendHead.length);
    int p = writeDecimal(buf, sendHead.length, bodyLen);
    System.arraycopy(CRLFCRLF, 0, buf, p, CRLFCRLF.length);
    p += CRLFCRLF.length;
    return writeBody(buf, p, phone, seq);
  }

  /** The buffer {@link #encodeSend(long)} writes into; valid until the next call. */
  byte[] buffer() {
    return buf;
  }

  /** A fresh array holding just the JSON body for {@code seq} (for the JDK client). */
  byte[] body(long seq) {
    byte[] phone = phone(seq);
    byte[] b = new byte[bodyLength(phone, seq)];
    writeBody(b, 0, phone, seq);
    return b;
  }

  static int bodyLength(byte[] phone, long seq) {
    return BODY_A.length + phone.length + BODY_B.length + decimalLength(seq) + BODY_C.length;
  }

  /** Writes the JSON body at {@code off}; returns the offset just past it. */
  static int writeBody(byte[] dst, int off, byte[] phone, long seq) {
    int p = off;
    System.arraycopy(BODY_A, 0, dst, p, BODY_A.length);
    p += BODY_A.length;
    System.arraycopy(phone, 0, dst, p, phone.length);
    p += phone.length;
    System.arraycopy(BODY_B, 0, dst, p, BODY_B.length);
    p += BODY_B.length;
    p = writeDecimal(dst, p, seq);
    System.arraycopy(BODY_C, 0, dst, p, BODY_C.length);
    return p + BODY_C.length;
  }

  static int decimalLength(long v) {
    if (v < 0) {
      throw new IllegalArgumentException("negative: " + v);
    }
    int n = 1;
    while (v >= 10) {
      v /= 10;
      n++;
    }
    return n;
  }

  /** Writes non-negative {@code v} in decimal at {@code off}; returns the offset just past it. */
  static int writeDecimal(byte[] dst, int off, long v) {
    int len = decimalLength(v);
    int end = off + len;
    for (int i = end - 1; i >= off; i--) {
      dst[i] = (byte) ('0' + (v % 10));
      v /= 10;
    }
    return end;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
