package org.openwaba.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {
  private final HttpResponseReader reader = new HttpResponseReader();

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Hands out one byte per read, to exercise every buffer boundary. */
  private static InputStream trickle(String s) {
    InputStream in = stream(s);
    return new InputStream() {
      @Override
      public int read() throws IOException {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, Math.min(1, len));
      }
    };
  }

  private String body() {
    return new String(reader.body(), 0, reader.bodyLength(), StandardCharsets.ISO_8859_1);
  }

  private static final String TWO_RESPONSES =
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 20\r\n\r\n"
          + "{\"status\":\"success\"}"
          + "HTTP/1.1 429 Too Many Requests\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5;ext=1\r\n{\"err\r\n"
          + "9\r\n\":\"slow\"}\r\n"
          + "0\r\nX-Trailer: 1\r\n\r\n";

  @Test
  void keepAliveResponsesBackToBack() throws IOException {
    for (InputStream in : new InputStream[] {stream(TWO_RESPONSES), trickle(TWO_RESPONSES)}) {
      reader.reset();
      assertEquals(200, reader.read(in));
      assertEquals("{\"status\":\"success\"}", body());
      assertFalse(reader.closeAfter());
      assertEquals(429, reader.read(in));
      assertEquals("{\"err\":\"slow\"}", body());
      assertFalse(reader.closeAfter());
      assertThrows(HttpResponseReader.NoResponseException.class, () -> reader.read(in));
    }
  }

  @Test
  void connectionCloseAndHttp10AreNoticed() throws IOException {
    assertEquals(
        503,
        reader.read(
            stream("HTTP/1.1 503 Unavailable\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n")));
    assertTrue(reader.closeAfter());
    assertEquals(0, reader.bodyLength());

    reader.reset();
    assertEquals(200, reader.read(stream("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")));
    assertTrue(reader.closeAfter());

    reader.reset();
    assertEquals(
        200,
        reader.read(
            stream("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok")));
    assertFalse(reader.closeAfter());
  }

  @Test
  void bodyWithoutLengthRunsToEndOfStream() throws IOException {
    assertEquals(200, reader.read(trickle("HTTP/1.1 200 OK\r\n\r\n{\"a\":1}")));
    assertEquals("{\"a\":1}", body());
    assertTrue(reader.closeAfter());
  }

  @Test
  void interimAndBodilessResponses() throws IOException {
    InputStream in =
        stream(
            "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 3\r\n\r\nabc"
                + "HTTP/1.1 204 No Content\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nz");
    assertEquals(201, reader.read(in));
    assertEquals("abc", body());
    assertEquals(204, reader.read(in));
    assertEquals(0, reader.bodyLength());
    assertEquals(200, reader.read(in));
    assertEquals("z", body());
  }

  @Test
  void truncatedAndMalformedResponsesAreErrorsButNotNoResponse() {
    IOException truncatedBody =
        assertThrows(
            IOException.class,
            () -> reader.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")));
    assertTrue(truncatedBody instanceof EOFException);
    assertFalse(truncatedBody instanceof HttpResponseReader.NoResponseException);

    reader.reset();
    IOException truncatedHeader =
        assertThrows(IOException.class, () -> reader.read(stream("HTTP/1.1 200 OK\r\nConte")));
    assertFalse(truncatedHeader instanceof HttpResponseReader.NoResponseException);

    reader.reset();
    assertEquals(
        "malformed status line",
        assertThrows(IOException.class, () -> reader.read(stream("HTTX/1.1 200 OK\r\n\r\n")))
            .getMessage());
    reader.reset();
    assertEquals(
        "malformed Content-Length",
        assertThrows(
                IOException.class,
                () -> reader.read(stream("HTTP/1.1 200 OK\r\nContent-Length: 1x\r\n\r\n")))
            .getMessage());
    reader.reset();
    assertEquals(
        "malformed chunk size",
        assertThrows(
                IOException.class,
                () ->
                    reader.read(
                        stream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")))
            .getMessage());
  }

  @Test
  void emptyStreamMeansNoResponse() {
    assertThrows(HttpResponseReader.NoResponseException.class, () -> reader.read(stream("")));
  }

  @Test
  void hugeBodiesAreCappedButFullyConsumed() throws IOException {
    int size = HttpResponseReader.MAX_BODY + 12_345;
    String big = "x".repeat(size);
    InputStream in =
        stream(
            "HTTP/1.1 200 OK\r\nContent-Length: "
                + size
                + "\r\n\r\n"
                + big
                + "HTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok");
    assertEquals(200, reader.read(in));
    assertEquals(HttpResponseReader.MAX_BODY, reader.bodyLength());
    assertEquals(202, reader.read(in));
    assertEquals("ok", body());
  }
}
