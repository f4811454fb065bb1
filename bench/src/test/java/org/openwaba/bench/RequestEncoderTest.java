package org.openwaba.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestEncoderTest {
  private final RequestEncoder encoder =
      new RequestEncoder("127.0.0.1:8080", "tok-1", "/v2/send-message", Recipients.table(1000));

  private String request(long seq) {
    int len = encoder.encodeSend(seq);
    return new String(encoder.buffer(), 0, len, StandardCharsets.US_ASCII);
  }

  @Test
  void sendRequestIsCompleteHttp11WithMatchingContentLength() {
    String r = request(1042);
    String expectedBody =
        "{\"phone_number\":\"+14155550042\",\"message\":\"Load test message 1042 *bold*\"}";
    assertEquals(
        "POST /v2/send-message HTTP/1.1\r\n"
            + "Host: 127.0.0.1:8080\r\n"
            + "User-Agent: openwaba-bench\r\n"
            + "Authorization: Bearer tok-1\r\n"
            + "Content-Type: application/json\r\n"
            + "Content-Length: "
            + expectedBody.length()
            + "\r\n\r\n"
            + expectedBody,
        r);
    assertEquals(expectedBody, new String(encoder.body(1042), StandardCharsets.US_ASCII));
  }

  @Test
  void bufferIsReusedAndLengthsStayRightAsDigitsGrow() {
    for (long seq : new long[] {0, 9, 10, 99, 100, 123_456_789L, Long.MAX_VALUE, 5}) {
      String r = request(seq);
      int split = r.indexOf("\r\n\r\n");
      String body = r.substring(split + 4);
      String header = r.substring(0, split);
      String cl = header.substring(header.indexOf("Content-Length: ") + 16);
      assertEquals(body.length(), Integer.parseInt(cl), "seq " + seq);
      assertEquals(
          "{\"phone_number\":\""
              + Recipients.number(Recipients.indexFor(seq, 1000))
              + "\",\"message\":\"Load test message "
              + seq
              + " *bold*\"}",
          body);
    }
    byte[] first = encoder.buffer();
    encoder.encodeSend(7);
    assertSame(first, encoder.buffer(), "the request buffer must be reused");
  }

  @Test
  void decimalHelpers() {
    assertEquals(1, RequestEncoder.decimalLength(0));
    assertEquals(2, RequestEncoder.decimalLength(10));
    assertEquals(19, RequestEncoder.decimalLength(Long.MAX_VALUE));
    byte[] b = new byte[25];
    int end = RequestEncoder.writeDecimal(b, 3, 9_007_199_254_740_993L);
    assertEquals("9007199254740993", new String(b, 3, end - 3, StandardCharsets.US_ASCII));
  }

  @Test
  void getRequest() {
    String g =
        new String(RequestEncoder.get("h:1", "tok", "/api/v2/me"), StandardCharsets.US_ASCII);
    assertEquals(
        "GET /api/v2/me HTTP/1.1\r\nHost: h:1\r\nUser-Agent: openwaba-bench\r\n"
            + "Authorization: Bearer tok\r\nAccept: application/json\r\n\r\n",
        g);
    assertTrue(g.endsWith("\r\n\r\n"));
  }
}
