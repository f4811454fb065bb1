package org.openwaba.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;

/**
 * Runs one phase: {@code connections} worker threads, each owning one {@link HttpConnection}, drive
 * one endpoint for warm-up plus duration seconds.
 *
 * <p>Closed loop (default): a worker sends its next request as soon as the previous response is
 * read; latency is response-complete minus send-start. With a target rate, requests get scheduled
 * start times {@code phaseStart + k / rate} handed out from a shared counter; a worker waits for
 * its request's time, and latency is measured from the scheduled time, so a server that falls
 * behind is charged for the queueing it causes (no coordinated omission).
 *
 * <p>Each worker records into its own histogram and counters; they are merged after the phase, so
 * the hot path has no shared writes and allocates nothing (socket client).
 */
final class PhaseRunner {
  /** Which endpoint a phase drives. */
  enum Kind {
    SEND("send-message", "POST /v2/send-message"),
    ME("me", "GET /v2/me");

    final String label;
    final String endpoint;

    Kind(String label, String endpoint) {
      this.label = label;
      this.endpoint = endpoint;
    }
  }

  /** Highest latency the histograms track; longer ones are clamped. */
  static final long MAX_LATENCY_US = TimeUnit.MINUTES.toMicros(10);

  private static final byte[] STATUS_KEY = JsonScan.quoted("status");
  private static final byte[] SUCCESS_VALUE = JsonScan.quoted("success");
  private static final byte[] MESSAGE_ID_KEY = JsonScan.quoted("message_id");
  private static final long ERROR_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final Kind kind;
  private final BenchConfig cfg;
  private final Target target;
  private final IntFunction<HttpConnection> connections;
  private final int idSampleSize;
  private final String mePath;

  // Written by the coordinator before the start latch opens; read by workers after it.
  private long phaseStart;
  private long measureStart;
  private long end;
  private double periodNanos;
  private final AtomicLong ticket = new AtomicLong();
  private final CountDownLatch go = new CountDownLatch(1);

  private final List<String> sampledIds = new ArrayList<>();
  private final PrintStream log;

  /**
   * @param connections creates the connection of worker {@code i}
   * @param idSampleSize how many accepted message ids to keep a random sample of (send phase)
   * @param log where one-line progress messages go (never per request)
   */
  PhaseRunner(
      Kind kind,
      BenchConfig cfg,
      Target target,
      IntFunction<HttpConnection> connections,
      int idSampleSize,
      PrintStream log) {
    this.log = log;
    this.kind = kind;
    this.cfg = cfg;
    this.target = target;
    this.connections = connections;
    this.idSampleSize = idSampleSize;
    this.mePath = target.mePath;
  }

  /** Message ids sampled from accepted sends (after {@link #run()}); at most idSampleSize. */
  List<String> sampledIds() {
    return sampledIds;
  }

  PhaseResult run() throws InterruptedException {
    int n = cfg.connections();
    Worker[] workers = new Worker[n];
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      workers[i] = new Worker(i, connections.apply(i));
      threads[i] = new Thread(workers[i], "bench-" + kind.label + "-" + i);
      threads[i].setDaemon(true);
      threads[i].start();
    }
    long warmupNanos = TimeUnit.SECONDS.toNanos(cfg.warmupSeconds());
    long durationNanos = TimeUnit.SECONDS.toNanos(cfg.durationSeconds());
    periodNanos = cfg.rateLimited() ? 1e9 / cfg.rate() : 0;
    phaseStart = System.nanoTime();
    measureStart = phaseStart + warmupNanos;
    end = measureStart + durationNanos;
    progress(
        log,
        "%s: %d connections, %d s warm-up, %d s measured%s",
        kind.endpoint,
        n,
        cfg.warmupSeconds(),
        cfg.durationSeconds(),
        cfg.rateLimited() ? ", target " + cfg.rate() + " req/s" : ", closed loop");
    go.countDown();

    sleepUntil(measureStart);
    long cpu0 = CpuUsage.processCpuNanos();
    long[] machine0 = CpuUsage.machineTicks();
    sleepUntil(end);
    long cpu1 = CpuUsage.processCpuNanos();
    long[] machine1 = CpuUsage.machineTicks();

    long joinDeadline = end + TimeUnit.SECONDS.toNanos(cfg.timeoutSeconds() + 5L);
    for (int i = 0; i < n; i++) {
      long waitMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime()));
      threads[i].join(waitMs);
      if (threads[i].isAlive()) {
        workers[i].connection.close(); // unblock a read stuck on a dead server
        threads[i].join(5_000);
      }
    }
    double measuredSeconds = durationNanos / 1e9;
    double genCores = cpu0 >= 0 && cpu1 >= 0 ? (cpu1 - cpu0) / (double) durationNanos : -1;
    double machineCores = CpuUsage.busyCores(machine0, machine1);
    return merge(workers, measuredSeconds, genCores, machineCores);
  }

  private PhaseResult merge(
      Worker[] workers, double seconds, double genCores, double machineCores) {
    Histogram h = newHistogram();
    long ok = 0;
    long unexpected = 0;
    long transport = 0;
    long warmup = 0;
    int opened = 0;
    String firstError = null;
    long[] statuses = new long[1000];
    List<String> ids = new ArrayList<>();
    for (Worker w : workers) {
      h.add(w.histogram);
      ok += w.ok;
      unexpected += w.unexpectedBody;
      transport += w.transportErrors;
      warmup += w.warmupRequests;
      int c = w.connection.connectionsOpened();
      opened = (opened < 0 || c < 0) ? -1 : opened + c;
      if (firstError == null) {
        firstError = w.firstError;
      }
      for (int s = 0; s < statuses.length; s++) {
        statuses[s] += w.statusCounts[s];
      }
      for (int i = 0; i < w.reservoirSize; i++) {
        if (w.reservoir[i] != null) {
          ids.add(w.reservoir[i]);
        }
      }
      w.connection.close();
    }
    Collections.shuffle(ids, new Random(42));
    sampledIds.clear();
    sampledIds.addAll(ids.subList(0, Math.min(idSampleSize, ids.size())));

    SortedMap<Integer, Long> byStatus = new TreeMap<>();
    long responses = 0;
    long httpErrors = 0;
    for (int s = 0; s < statuses.length; s++) {
      if (statuses[s] != 0) {
        byStatus.put(s, statuses[s]);
        responses += statuses[s];
        if ((s < 200 || s >= 300) && s != 429) {
          httpErrors += statuses[s];
        }
      }
    }
    long rateLimited = statuses[429];
    return new PhaseResult(
        kind.label,
        kind.endpoint,
        seconds,
        ok,
        responses,
        byStatus,
        httpErrors,
        rateLimited,
        unexpected,
        transport,
        firstError,
        Latency.of(h),
        warmup,
        opened,
        genCores,
        machineCores);
  }

  static Histogram newHistogram() {
    return new Histogram(MAX_LATENCY_US, 3);
  }

  /** One request slot's loop. Everything it writes is read only after its thread ended. */
  private final class Worker implements Runnable {
    final int index;
    final HttpConnection connection;
    final Histogram histogram = newHistogram();
    final long[] statusCounts = new long[1000];
    long ok;
    long unexpectedBody;
    long transportErrors;
    long warmupRequests;
    String firstError;
    final String[] reservoir;
    int reservoirSize;
    long acceptedSeen;
    final SplittableRandom random;

    Worker(int index, HttpConnection connection) {
      this.index = index;
      this.connection = connection;
      this.reservoir = new String[idSampleSize];
      this.random = new SplittableRandom(0x5eed + index);
    }

    @Override
    public void run() {
      try {
        go.await();
      } catch (InterruptedException e) {
        return;
      }
      boolean paced = periodNanos > 0;
      int stride = cfg.connections();
      long localSeq = index;
      while (true) {
        long start;
        long seq;
        if (paced) {
          seq = ticket.getAndIncrement();
          start = phaseStart + (long) (seq * periodNanos);
          if (start >= end) {
            break;
          }
          long now;
          while ((now = System.nanoTime()) < start) {
            LockSupport.parkNanos(start - now);
          }
        } else {
          start = System.nanoTime();
          if (start >= end) {
            break;
          }
          seq = localSeq;
          localSeq += stride;
        }
        boolean measured = start >= measureStart;
        int status;
        try {
          status = kind == Kind.SEND ? connection.sendMessage(seq) : connection.get(mePath);
        } catch (IOException | RuntimeException e) {
          if (measured) {
            transportErrors++;
          } else {
            warmupRequests++;
          }
          if (firstError == null) {
            firstError = e.getClass().getSimpleName() + ": " + e.getMessage();
          }
          LockSupport.parkNanos(ERROR_BACKOFF_NANOS); // don't spin on a refusing server
          continue;
        }
        long latencyUs = (System.nanoTime() - start) / 1000;
        boolean success = status >= 200 && status < 300;
        boolean bodyOk =
            !success
                || kind != Kind.SEND
                || JsonScan.hasStringField(
                    connection.body(), connection.bodyLength(), STATUS_KEY, SUCCESS_VALUE);
        if (success && bodyOk && reservoir.length > 0) {
          sampleId();
        }
        if (!measured) {
          warmupRequests++;
          continue;
        }
        histogram.recordValue(Math.min(Math.max(latencyUs, 0), MAX_LATENCY_US));
        statusCounts[status]++;
        if (success) {
          if (bodyOk) {
            ok++;
          } else {
            unexpectedBody++;
          }
        }
      }
    }

    /** Reservoir sampling: each accepted id ends up in the sample with equal probability. */
    private void sampleId() {
      long seen = acceptedSeen++;
      int slot;
      if (seen < reservoir.length) {
        slot = (int) seen;
      } else {
        long j = random.nextLong(seen + 1);
        if (j >= reservoir.length) {
          return;
        }
        slot = (int) j;
      }
      String id = JsonScan.stringField(connection.body(), connection.bodyLength(), MESSAGE_ID_KEY);
      if (id == null) {
        acceptedSeen--; // no id in this body: as if it had not been seen
        return;
      }
      reservoir[slot] = id;
      if (slot >= reservoirSize) {
        reservoirSize = slot + 1;
      }
    }
  }

  private static void sleepUntil(long deadline) throws InterruptedException {
    long now;
    while ((now = System.nanoTime()) < deadline) {
      TimeUnit.NANOSECONDS.sleep(deadline - now);
    }
  }

  static void progress(PrintStream log, String fmt, Object... args) {
    log.println("[openwaba-bench] " + String.format(Locale.ROOT, fmt, args));
    log.flush();
  }
}
