package org.openwaba.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ReportFormatterTest {

  private static TreeMap<Integer, Long> statuses(Object... kv) {
    TreeMap<Integer, Long> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((Integer) kv[i], ((Number) kv[i + 1]).longValue());
    }
    return m;
  }

  private static final PhaseResult SEND =
      new PhaseResult(
          "send-message",
          "POST /v2/send-message",
          30.0,
          37_037,
          37_100,
          statuses(200, 37_040, 429, 50, 500, 10),
          10,
          50,
          3,
          7,
          "ConnectException: Connection refused",
          new Latency(37_100, 1_650.4, 1_234, 2_345, 5_678, 9_876, 123_456),
          9_000,
          70,
          0.456,
          1.987);

  private static final PhaseResult ME =
      new PhaseResult(
          "me",
          "GET /v2/me",
          30.0,
          74_074,
          74_074,
          statuses(200, 74_074),
          0,
          0,
          0,
          0,
          null,
          new Latency(74_074, 800, 700, 900, 1_500, 2_000, 4_000),
          20_000,
          -1,
          -1,
          -1);

  private static Report report(PhaseResult send, PhaseResult me, VerifyResult verify) {
    return new Report(
        "http://127.0.0.1:8080",
        "socket",
        64,
        10,
        30,
        1000,
        0,
        send,
        verify,
        me,
        "17.0.15+6",
        "Vendor \"Q\"",
        "Test VM",
        2);
  }

  private static final VerifyResult VERIFY =
      new VerifyResult(100, 100, 98, statuses(404, 2), 0, 0.25);

  @Test
  void textShowsRatesPercentilesErrorsRatioAndEnvironment() {
    String t = ReportFormatter.text(report(SEND, ME, VERIFY));
    assertTrue(t.contains("Phase 1  POST /v2/send-message\n"), t);
    assertTrue(
        t.contains("  accepted/s            1234.6  (37037 ok of 37100 responses in 30.0 s;"), t);
    assertTrue(
        t.contains(
            "  latency ms            p50 1.234  p90 2.345  p99 5.678  p99.9 9.876  max 123.456"
                + "  mean 1.650\n"),
        t);
    assertTrue(
        t.contains(
            "  errors                http 10  rate-limited(429) 50  transport 7  unexpected-body 3\n"),
        t);
    assertTrue(t.contains("  statuses              200=37040 429=50 500=10\n"), t);
    assertTrue(t.contains("  first transport error ConnectException: Connection refused\n"), t);
    assertTrue(t.contains("  connections opened    70\n"), t);
    assertTrue(t.contains("  CPU cores used        generator 0.46  whole machine 1.99\n"), t);
    assertTrue(
        t.contains(
            "  answered 200          98 of 100 looked-up accepted message ids (requested 100) in"
                + " 0.25 s  NOT ALL\n"),
        t);
    assertTrue(t.contains("  other answers         statuses 404=2  transport errors 0\n"), t);
    assertTrue(t.contains("Phase 2  GET /v2/me\n  requests/s            2469.1  ("), t);
    assertTrue(t.contains("  connections opened    unknown (jdk client)\n"), t);
    assertTrue(t.contains("  CPU cores used        generator n/a  whole machine n/a\n"), t);
    assertTrue(
        t.contains("  ratio                 0.500  (send-message accepted/s / me requests/s)\n"),
        t);
    assertTrue(t.contains("  JVM                   17.0.15+6 (Vendor \"Q\", Test VM)\n"), t);
    assertTrue(t.contains("  processors            2\n"), t);
    assertTrue(t.contains("rate=unlimited (closed loop)"), t);
    assertTrue(
        t.indexOf("Phase 1") < t.indexOf("Verify") && t.indexOf("Verify") < t.indexOf("Phase 2"));
  }

  @Test
  void textWithoutVerifyAndWithZeroCheapRate() {
    PhaseResult deadMe =
        new PhaseResult(
            "me",
            "GET /v2/me",
            30.0,
            0,
            0,
            statuses(),
            0,
            0,
            0,
            5,
            "x",
            Latency.EMPTY,
            0,
            5,
            0.1,
            0.2);
    String t = ReportFormatter.text(report(SEND, deadMe, null));
    assertFalse(t.contains("Verify"));
    assertTrue(t.contains("  ratio                 n/a  "), t);
    assertTrue(t.contains("  statuses              none\n"), t);
  }

  @Test
  void jsonIsOneValidObjectWithTheSameNumbers() {
    String j = ReportFormatter.json(report(SEND, ME, VERIFY));
    assertFalse(j.contains("\n"));
    Map<String, Object> r = MiniJson.object(j);
    assertEquals("http://127.0.0.1:8080", r.get("base_url"));
    assertEquals(64.0, r.get("connections"));
    assertNull(r.get("target_rate"));
    assertEquals(1234.567, (Double) r.get("sends_per_s"), 1e-9);
    assertEquals(2469.133, (Double) r.get("me_requests_per_s"), 1e-9);
    assertEquals(0.5, (Double) r.get("ratio_sends_to_me"), 1e-9);
    assertEquals("Vendor \"Q\"", r.get("java_vendor"));
    assertEquals("17.0.15+6", r.get("java_version"));
    assertEquals(2.0, r.get("available_processors"));

    @SuppressWarnings("unchecked")
    Map<String, Object> send = (Map<String, Object>) r.get("send");
    assertEquals(37_037.0, send.get("ok"));
    assertEquals(50.0, send.get("rate_limited"));
    assertEquals(10.0, send.get("http_errors"));
    assertEquals(7.0, send.get("transport_errors"));
    assertEquals(3.0, send.get("unexpected_body"));
    assertEquals(70.0, send.get("connections_opened"));
    assertEquals(Map.of("200", 37_040.0, "429", 50.0, "500", 10.0), send.get("status_counts"));
    @SuppressWarnings("unchecked")
    Map<String, Object> lat = (Map<String, Object>) send.get("latency_ms");
    assertEquals(1.234, (Double) lat.get("p50"), 1e-9);
    assertEquals(2.345, (Double) lat.get("p90"), 1e-9);
    assertEquals(5.678, (Double) lat.get("p99"), 1e-9);
    assertEquals(9.876, (Double) lat.get("p99_9"), 1e-9);
    assertEquals(123.456, (Double) lat.get("max"), 1e-9);

    @SuppressWarnings("unchecked")
    Map<String, Object> me = (Map<String, Object>) r.get("me");
    assertNull(me.get("connections_opened"));
    assertNull(me.get("generator_cpu_cores"));
    assertNull(me.get("first_transport_error"));

    @SuppressWarnings("unchecked")
    Map<String, Object> v = (Map<String, Object>) r.get("verify_status");
    assertEquals(98.0, v.get("ok_200"));
    assertEquals(Map.of("404", 2.0), v.get("other_statuses"));

    assertEquals(
        List.of(
            "base_url",
            "client",
            "connections",
            "warmup_s",
            "duration_s",
            "recipients",
            "target_rate",
            "sends_per_s",
            "me_requests_per_s",
            "ratio_sends_to_me",
            "send",
            "verify_status",
            "me",
            "java_version",
            "java_vendor",
            "vm_name",
            "available_processors"),
        List.copyOf(r.keySet()));
  }

  @Test
  void jsonWithoutVerifyAndWithControlCharacters() {
    PhaseResult odd =
        new PhaseResult(
            "me",
            "GET /v2/me",
            1.0,
            1,
            1,
            statuses(200, 1),
            0,
            0,
            0,
            1,
            "line1\nline2\t\u0001",
            Latency.EMPTY,
            0,
            1,
            0,
            0);
    Map<String, Object> r = MiniJson.object(ReportFormatter.json(report(SEND, odd, null)));
    assertTrue(r.containsKey("verify_status"));
    assertNull(r.get("verify_status"));
    @SuppressWarnings("unchecked")
    Map<String, Object> me = (Map<String, Object>) r.get("me");
    assertEquals("line1\nline2\t\u0001", me.get("first_transport_error"));
  }

  @Test
  void latencyFromHistogram() {
    Histogram h = PhaseRunner.newHistogram();
    for (int i = 1; i <= 1000; i++) {
      h.recordValue(i * 1000L); // 1 ms .. 1000 ms
    }
    Latency l = Latency.of(h);
    assertEquals(1000, l.count());
    assertEquals(500.0, l.p50Us() / 1000.0, 1.0);
    assertEquals(900.0, l.p90Us() / 1000.0, 1.0);
    assertEquals(990.0, l.p99Us() / 1000.0, 1.0);
    assertEquals(999.0, l.p999Us() / 1000.0, 1.0);
    assertEquals(1000.0, l.maxUs() / 1000.0, 1.0);
    assertEquals(Latency.EMPTY, Latency.of(PhaseRunner.newHistogram()));
    assertEquals("1.234", ReportFormatter.ms(1234));
  }
}
