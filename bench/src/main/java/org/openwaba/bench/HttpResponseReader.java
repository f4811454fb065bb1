package org.openwaba.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads HTTP/1.1 responses from a keep-alive connection into reused buffers.
 *
 * <p>Handles Content-Length, chunked transfer coding, bodies delimited by connection close, interim
 * 1xx responses, bodiless statuses (204, 304) and {@code Connection: close}. Bodies longer than
 * {@link #MAX_BODY} bytes are read and discarded past that size. One instance per connection (not
 * thread-safe); call {@link #reset()} whenever a new connection is opened.
 */
final class HttpResponseReader {
  static final int MAX_BODY = 1 << 20;
  private static final int MAX_LINE = 16 * 1024;

  /** The connection closed before any byte of the response arrived. */
  static final class NoResponseException extends EOFException {
    private static final long serialVersionUID = 1L;

    NoResponseException() {
      super("connection closed before the response started");
    }
  }

  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int lim;
  private final byte[] line = new byte[MAX_LINE];
  private int lineLen;
  private byte[] body = new byte[4096];
  private int bodyLen;
  private int status;
  private boolean closeAfter;
  private boolean started;

  void reset() {
    pos = 0;
    lim = 0;
  }

  /** Call before sending a request; {@link #responseStarted()} then tells if any byte came. */
  void expectResponse() {
    started = false;
  }

  /** True once a byte of the current response has been received. */
  boolean responseStarted() {
    return started;
  }

  int status() {
    return status;
  }

  byte[] body() {
    return body;
  }

  int bodyLength() {
    return bodyLen;
  }

  /** True if the server announced (or the framing implies) that the connection is done. */
  boolean closeAfter() {
    return closeAfter;
  }

  /**
   * Reads one complete response.
   *
   * @return the status code
   * @throws NoResponseException if the stream ended before the response's first byte
   * @throws IOException on malformed responses, truncated responses or I/O errors
   */
  int read(InputStream in) throws IOException {
    bodyLen = 0;
    if (pos >= lim && fill(in) < 0) {
      throw new NoResponseException();
    }
    started = true;
    while (true) {
      readLine(in);
      status = parseStatusLine();
      boolean http10 = lineLen >= 8 && line[7] == '0' && line[5] == '1';
      long contentLength = -1;
      boolean chunked = false;
      boolean connClose = http10;
      while (true) {
        readLine(in);
        if (lineLen == 0) {
          break;
        }
        int colon = indexOf(line, 0, lineLen, (byte) ':');
        if (colon <= 0) {
          throw new IOException("malformed header line");
        }
        if (nameIs(colon, "content-length")) {
          contentLength = parseContentLength(colon + 1);
        } else if (nameIs(colon, "transfer-encoding")) {
          chunked = valueContains(colon + 1, "chunked");
        } else if (nameIs(colon, "connection")) {
          if (valueContains(colon + 1, "close")) {
            connClose = true;
          } else if (valueContains(colon + 1, "keep-alive")) {
            connClose = false;
          }
        }
      }
      if (status >= 100 && status < 200 && status != 101) {
        continue; // interim response (e.g. 100 Continue); the real one follows
      }
      closeAfter = connClose;
      if (status == 204 || status == 304) {
        return status;
      }
      if (chunked) {
        readChunked(in);
      } else if (contentLength >= 0) {
        readFixed(in, contentLength);
      } else {
        readToEof(in);
        closeAfter = true;
      }
      return status;
    }
  }

  private int parseStatusLine() throws IOException {
    // "HTTP/1.1 200 OK"
    if (lineLen < 12
        || line[0] != 'H'
        || line[1] != 'T'
        || line[2] != 'T'
        || line[3] != 'P'
        || line[4] != '/'
        || line[8] != ' ') {
      throw new IOException("malformed status line");
    }
    int s = 0;
    for (int i = 9; i < 12; i++) {
      int d = line[i] - '0';
      if (d < 0 || d > 9) {
        throw new IOException("malformed status code");
      }
      s = s * 10 + d;
    }
    return s;
  }

  private boolean nameIs(int nameLen, String lowerName) {
    if (nameLen != lowerName.length()) {
      return false;
    }
    for (int i = 0; i < nameLen; i++) {
      if (toLower(line[i]) != lowerName.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private boolean valueContains(int from, String lowerNeedle) {
    int n = lowerNeedle.length();
    outer:
    for (int i = from; i + n <= lineLen; i++) {
      for (int j = 0; j < n; j++) {
        if (toLower(line[i + j]) != lowerNeedle.charAt(j)) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private long parseContentLength(int from) throws IOException {
    long v = 0;
    boolean any = false;
    for (int i = from; i < lineLen; i++) {
      byte b = line[i];
      if (b == ' ' || b == '\t') {
        if (any) {
          break;
        }
        continue;
      }
      int d = b - '0';
      if (d < 0 || d > 9 || v > Long.MAX_VALUE / 10 - 10) {
        throw new IOException("malformed Content-Length");
      }
      v = v * 10 + d;
      any = true;
    }
    if (!any) {
      throw new IOException("malformed Content-Length");
    }
    return v;
  }

  private void readChunked(InputStream in) throws IOException {
    while (true) {
      readLine(in);
      long size = 0;
      boolean any = false;
      for (int i = 0; i < lineLen; i++) {
        byte b = line[i];
        int d = Character.digit(b, 16);
        if (d < 0) {
          if (b == ';' || b == ' ' || b == '\t') {
            break; // chunk extension
          }
          throw new IOException("malformed chunk size");
        }
        if (size > (Long.MAX_VALUE >> 4)) {
          throw new IOException("chunk too large");
        }
        size = (size << 4) | d;
        any = true;
      }
      if (!any) {
        throw new IOException("malformed chunk size");
      }
      if (size == 0) {
        do {
          readLine(in); // trailers, up to the empty line
        } while (lineLen != 0);
        return;
      }
      readFixed(in, size);
      readLine(in);
      if (lineLen != 0) {
        throw new IOException("missing CRLF after chunk");
      }
    }
  }

  /** Appends exactly {@code n} body bytes to the body buffer (keeping at most MAX_BODY). */
  private void readFixed(InputStream in, long n) throws IOException {
    long remaining = n;
    while (remaining > 0) {
      if (pos >= lim && fill(in) < 0) {
        throw new EOFException("connection closed in the middle of a response body");
      }
      int take = (int) Math.min(remaining, lim - pos);
      appendBody(buf, pos, take);
      pos += take;
      remaining -= take;
    }
  }

  private void readToEof(InputStream in) throws IOException {
    while (true) {
      if (pos >= lim && fill(in) < 0) {
        return;
      }
      appendBody(buf, pos, lim - pos);
      pos = lim;
    }
  }

  private void appendBody(byte[] src, int off, int len) {
    int keep = Math.min(len, MAX_BODY - bodyLen);
    if (keep <= 0) {
      return;
    }
    if (bodyLen + keep > body.length) {
      body = Arrays.copyOf(body, Math.min(MAX_BODY, Math.max(body.length * 2, bodyLen + keep)));
    }
    System.arraycopy(src, off, body, bodyLen, keep);
    bodyLen += keep;
  }

  /** Reads one line (without CR LF) into {@link #line}. */
  private void readLine(InputStream in) throws IOException {
    lineLen = 0;
    while (true) {
      if (pos >= lim && fill(in) < 0) {
        throw new EOFException("connection closed in the middle of a response header");
      }
      byte b = buf[pos++];
      if (b == '\n') {
        if (lineLen > 0 && line[lineLen - 1] == '\r') {
          lineLen--;
        }
        return;
      }
      if (lineLen == MAX_LINE) {
        throw new IOException("response header line too long");
      }
      line[lineLen++] = b;
    }
  }

  private int fill(InputStream in) throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n < 0) {
      pos = lim = 0;
      return -1;
    }
    pos = 0;
    lim = n;
    return n;
  }

  private static int indexOf(byte[] a, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static int toLower(byte b) {
    return (b >= 'A' && b <= 'Z') ? b + 32 : b;
  }
}
