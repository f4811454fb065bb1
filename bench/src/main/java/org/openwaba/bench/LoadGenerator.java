package org.openwaba.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * OpenWABA load generator.
 *
 * <p>Measures how many messages per second an OpenWABA server accepts and how fast it answers,
 * relative to its cheapest authenticated request:
 *
 * <ol>
 *   <li><b>Phase 1</b>: {@code POST /v2/send-message} with a bearer token and a JSON body {@code
 *       {"phone_number":"+1415555NNNN","message":"Load test message N *bold*"}}, rotating through
 *       {@code --recipients} numbers, over {@code --connections} concurrent connections, for {@code
 *       --warmup} then {@code --duration} seconds. A request is accepted when it answers 2xx with
 *       {@code "status":"success"}.
 *   <li>Optionally ({@code --verify-status N}): N random accepted message ids are looked up with
 *       {@code GET /v2/message-status?message_id=...}, counting 200 answers.
 *   <li><b>Phase 2</b>: {@code GET /v2/me} the same way.
 * </ol>
 *
 * <p>It then prints per phase the success rate, latency percentiles (p50, p90, p99, p99.9, max;
 * HdrHistogram at microsecond resolution), errors by HTTP status (429 separately) and transport
 * errors, the ratio of accepted sends per second to cheap requests per second, and the JVM and
 * processor count it ran with. {@code --json} adds the same as one JSON object on the last line.
 *
 * <p>Run {@code java -jar openwaba-bench.jar --help} for all options.
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs the generator; returns the process exit status. */
  static int run(
      String[] args, java.util.Map<String, String> env, PrintStream out, PrintStream err) {
    BenchConfig cfg;
    try {
      cfg = BenchConfig.parse(args, env);
    } catch (UsageException e) {
      err.println("openwaba-bench: " + e.getMessage());
      err.println("Run with --help for usage.");
      return 2;
    }
    if (cfg.help()) {
      out.print(BenchConfig.usage());
      return 0;
    }
    Target target;
    try {
      target = new Target(cfg);
    } catch (UnknownHostException e) {
      err.println("openwaba-bench: unknown host in --base-url: " + e.getMessage());
      return 2;
    }
    try {
      Report report = execute(cfg, target, err);
      out.print(ReportFormatter.text(report));
      if (cfg.json()) {
        out.println(ReportFormatter.json(report));
      }
      out.flush();
      boolean ok =
          report.send().ok() > 0
              && report.me().ok() > 0
              && (report.verify() == null || report.verify().allOk());
      return ok ? 0 : 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("openwaba-bench: interrupted");
      return 1;
    }
  }

  static Report execute(BenchConfig cfg, Target target, PrintStream log)
      throws InterruptedException {
    byte[][] phones = Recipients.table(cfg.recipients());
    HttpClient jdkClient =
        cfg.client() == BenchConfig.ClientKind.JDK ? JdkHttpConnection.newClient(target) : null;
    IntFunction<HttpConnection> factory =
        jdkClient != null
            ? i -> new JdkHttpConnection(jdkClient, target, phones)
            : i -> new SocketHttpConnection(target, phones);

    PhaseRunner send =
        new PhaseRunner(PhaseRunner.Kind.SEND, cfg, target, factory, cfg.verifyStatus(), log);
    PhaseResult sendResult = send.run();
    PhaseRunner.progress(
        log,
        "send-message: %.1f accepted/s, p50 %.1f ms, p99 %.1f ms, %d errors",
        sendResult.okPerSecond(),
        sendResult.latency().p50Us() / 1000.0,
        sendResult.latency().p99Us() / 1000.0,
        sendResult.httpErrors()
            + sendResult.rateLimited()
            + sendResult.transportErrors()
            + sendResult.unexpectedBody());

    VerifyResult verify = null;
    if (cfg.verifyStatus() > 0) {
      verify = verify(cfg, target, factory, send.sampledIds());
      PhaseRunner.progress(
          log, "message-status: %d of %d answered 200", verify.ok200(), verify.checked());
    }

    PhaseRunner me = new PhaseRunner(PhaseRunner.Kind.ME, cfg, target, factory, 0, log);
    PhaseResult meResult = me.run();
    PhaseRunner.progress(log, "me: %.1f requests/s", meResult.okPerSecond());

    return new Report(
        cfg.baseUri().toString(),
        cfg.client().name().toLowerCase(java.util.Locale.ROOT),
        cfg.connections(),
        cfg.warmupSeconds(),
        cfg.durationSeconds(),
        cfg.recipients(),
        cfg.rate(),
        sendResult,
        verify,
        meResult,
        Runtime.version().toString(),
        System.getProperty("java.vendor"),
        System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors());
  }

  /** Looks up each sampled message id, with up to 8 connections in parallel. */
  static VerifyResult verify(
      BenchConfig cfg, Target target, IntFunction<HttpConnection> factory, List<String> ids)
      throws InterruptedException {
    long t0 = System.nanoTime();
    int threads = Math.max(1, Math.min(Math.min(8, cfg.connections()), ids.size()));
    AtomicInteger next = new AtomicInteger();
    AtomicLong ok = new AtomicLong();
    AtomicLong transport = new AtomicLong();
    SortedMap<Integer, Long> other = new TreeMap<>();
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      ts[t] =
          new Thread(
              () -> {
                try (HttpConnection c = factory.apply(0)) {
                  int i;
                  while ((i = next.getAndIncrement()) < ids.size()) {
                    try {
                      int status = c.get(target.statusPath(ids.get(i)));
                      if (status == 200) {
                        ok.incrementAndGet();
                      } else {
                        synchronized (other) {
                          other.merge(status, 1L, Long::sum);
                        }
                      }
                    } catch (IOException | RuntimeException e) {
                      transport.incrementAndGet();
                    }
                  }
                }
              },
              "bench-verify-" + t);
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    synchronized (other) {
      return new VerifyResult(
          cfg.verifyStatus(), ids.size(), ok.get(), new TreeMap<>(other), transport.get(), seconds);
    }
  }
}
