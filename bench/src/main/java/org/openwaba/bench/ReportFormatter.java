package org.openwaba.bench;

import java.util.Locale;
import java.util.Map;

/** Renders a {@link Report} as human-readable text or as one line of JSON. */
public final class ReportFormatter {
  private ReportFormatter() {}

  /** Multi-line text report. */
  public static String text(Report r) {
    StringBuilder sb = new StringBuilder(2048);
    sb.append("=== OpenWABA load generator report ===\n");
    line(sb, "target", r.baseUrl());
    line(
        sb,
        "setup",
        "client="
            + r.client()
            + "  connections="
            + r.connections()
            + "  warmup="
            + r.warmupSeconds()
            + "s  duration="
            + r.durationSeconds()
            + "s  recipients="
            + r.recipients()
            + "  rate="
            + (r.targetRate() > 0 ? fmt1(r.targetRate()) + " req/s" : "unlimited (closed loop)"));
    sb.append('\n');
    phase(sb, "Phase 1", "accepted/s", r.send());
    if (r.verify() != null) {
      VerifyResult v = r.verify();
      sb.append("Verify   GET /v2/message-status\n");
      line(
          sb,
          "answered 200",
          v.ok200()
              + " of "
              + v.checked()
              + " looked-up accepted message ids (requested "
              + v.requested()
              + ") in "
              + fmt2(v.seconds())
              + " s"
              + (v.allOk() ? "  OK" : "  NOT ALL"));
      if (!v.otherStatuses().isEmpty() || v.transportErrors() > 0) {
        line(
            sb,
            "other answers",
            "statuses "
                + statuses(v.otherStatuses())
                + "  transport errors "
                + v.transportErrors());
      }
      sb.append('\n');
    }
    phase(sb, "Phase 2", "requests/s", r.me());
    line(sb, "ratio", fmt3(r.ratio()) + "  (send-message accepted/s / me requests/s)");
    line(sb, "JVM", r.javaVersion() + " (" + r.javaVendor() + ", " + r.vmName() + ")");
    line(sb, "processors", Integer.toString(r.availableProcessors()));
    return sb.toString();
  }

  private static void phase(StringBuilder sb, String title, String rateLabel, PhaseResult p) {
    sb.append(title).append("  ").append(p.endpoint()).append('\n');
    line(
        sb,
        rateLabel,
        fmt1(p.okPerSecond())
            + "  ("
            + p.ok()
            + " ok of "
            + p.responses()
            + " responses in "
            + fmt1(p.seconds())
            + " s; "
            + p.warmupRequests()
            + " warm-up requests not counted)");
    Latency l = p.latency();
    line(
        sb,
        "latency ms",
        "p50 "
            + ms(l.p50Us())
            + "  p90 "
            + ms(l.p90Us())
            + "  p99 "
            + ms(l.p99Us())
            + "  p99.9 "
            + ms(l.p999Us())
            + "  max "
            + ms(l.maxUs())
            + "  mean "
            + fmt3(l.meanUs() / 1000.0));
    line(
        sb,
        "errors",
        "http "
            + p.httpErrors()
            + "  rate-limited(429) "
            + p.rateLimited()
            + "  transport "
            + p.transportErrors()
            + "  unexpected-body "
            + p.unexpectedBody());
    line(sb, "statuses", statuses(p.statusCounts()));
    if (p.firstTransportError() != null) {
      line(sb, "first transport error", p.firstTransportError());
    }
    line(
        sb,
        "connections opened",
        p.connectionsOpened() < 0
            ? "unknown (jdk client)"
            : Integer.toString(p.connectionsOpened()));
    line(
        sb,
        "CPU cores used",
        "generator "
            + (p.generatorCpuCores() < 0 ? "n/a" : fmt2(p.generatorCpuCores()))
            + "  whole machine "
            + (p.machineCpuCores() < 0 ? "n/a" : fmt2(p.machineCpuCores())));
    sb.append('\n');
  }

  private static void line(StringBuilder sb, String label, String value) {
    sb.append("  ").append(label);
    for (int i = label.length(); i < 22; i++) {
      sb.append(' ');
    }
    sb.append(value).append('\n');
  }

  private static String statuses(Map<Integer, Long> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    StringBuilder sb = new StringBuilder();
    counts.forEach(
        (s, n) -> {
          if (sb.length() > 0) {
            sb.append(' ');
          }
          sb.append(s).append('=').append(n);
        });
    return sb.toString();
  }

  /** The report as a single-line JSON object. Latencies in milliseconds, rates per second. */
  public static String json(Report r) {
    StringBuilder sb = new StringBuilder(2048);
    sb.append('{');
    field(sb, "base_url", r.baseUrl());
    field(sb, "client", r.client());
    num(sb, "connections", r.connections());
    num(sb, "warmup_s", r.warmupSeconds());
    num(sb, "duration_s", r.durationSeconds());
    num(sb, "recipients", r.recipients());
    dbl(sb, "target_rate", r.targetRate() > 0 ? r.targetRate() : Double.NaN);
    dbl(sb, "sends_per_s", r.send().okPerSecond());
    dbl(sb, "me_requests_per_s", r.me().okPerSecond());
    dbl(sb, "ratio_sends_to_me", r.ratio());
    key(sb, "send");
    phaseJson(sb, r.send());
    key(sb, "verify_status");
    if (r.verify() == null) {
      sb.append("null");
    } else {
      VerifyResult v = r.verify();
      sb.append('{');
      num(sb, "requested", v.requested());
      num(sb, "checked", v.checked());
      num(sb, "ok_200", v.ok200());
      key(sb, "other_statuses");
      statusJson(sb, v.otherStatuses());
      num(sb, "transport_errors", v.transportErrors());
      dbl(sb, "seconds", v.seconds());
      sb.setLength(sb.length() - 1);
      sb.append('}');
    }
    sb.append(',');
    key(sb, "me");
    phaseJson(sb, r.me());
    field(sb, "java_version", r.javaVersion());
    field(sb, "java_vendor", r.javaVendor());
    field(sb, "vm_name", r.vmName());
    num(sb, "available_processors", r.availableProcessors());
    sb.setLength(sb.length() - 1); // trailing comma
    sb.append('}');
    return sb.toString();
  }

  private static void phaseJson(StringBuilder sb, PhaseResult p) {
    sb.append('{');
    field(sb, "endpoint", p.endpoint());
    dbl(sb, "seconds", p.seconds());
    num(sb, "ok", p.ok());
    dbl(sb, "ok_per_s", p.okPerSecond());
    num(sb, "responses", p.responses());
    dbl(sb, "responses_per_s", p.responsesPerSecond());
    Latency l = p.latency();
    key(sb, "latency_ms");
    sb.append('{');
    num(sb, "count", l.count());
    dbl(sb, "mean", l.meanUs() / 1000.0);
    dbl(sb, "p50", l.p50Us() / 1000.0);
    dbl(sb, "p90", l.p90Us() / 1000.0);
    dbl(sb, "p99", l.p99Us() / 1000.0);
    dbl(sb, "p99_9", l.p999Us() / 1000.0);
    dbl(sb, "max", l.maxUs() / 1000.0);
    sb.setLength(sb.length() - 1);
    sb.append("},");
    key(sb, "status_counts");
    statusJson(sb, p.statusCounts());
    num(sb, "http_errors", p.httpErrors());
    num(sb, "rate_limited", p.rateLimited());
    num(sb, "unexpected_body", p.unexpectedBody());
    num(sb, "transport_errors", p.transportErrors());
    field(sb, "first_transport_error", p.firstTransportError());
    num(sb, "warmup_requests", p.warmupRequests());
    if (p.connectionsOpened() < 0) {
      key(sb, "connections_opened");
      sb.append("null,");
    } else {
      num(sb, "connections_opened", p.connectionsOpened());
    }
    dbl(sb, "generator_cpu_cores", p.generatorCpuCores() < 0 ? Double.NaN : p.generatorCpuCores());
    dbl(sb, "machine_cpu_cores", p.machineCpuCores() < 0 ? Double.NaN : p.machineCpuCores());
    sb.setLength(sb.length() - 1);
    sb.append("},");
  }

  private static void statusJson(StringBuilder sb, Map<Integer, Long> counts) {
    sb.append('{');
    counts.forEach((s, n) -> sb.append('"').append(s).append("\":").append(n).append(','));
    if (!counts.isEmpty()) {
      sb.setLength(sb.length() - 1);
    }
    sb.append("},");
  }

  private static void key(StringBuilder sb, String k) {
    sb.append('"').append(k).append("\":");
  }

  private static void field(StringBuilder sb, String k, String v) {
    key(sb, k);
    if (v == null) {
      sb.append("null");
    } else {
      quote(sb, v);
    }
    sb.append(',');
  }

  private static void num(StringBuilder sb, String k, long v) {
    key(sb, k);
    sb.append(v).append(',');
  }

  /** Finite doubles with up to 3 decimals; NaN and infinities become null. */
  private static void dbl(StringBuilder sb, String k, double v) {
    key(sb, k);
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      sb.append("null");
    } else {
      sb.append(String.format(Locale.ROOT, "%.3f", v));
    }
    sb.append(',');
  }

  static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  static String ms(long micros) {
    return fmt3(micros / 1000.0);
  }

  private static String fmt1(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String fmt2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String fmt3(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }
}
