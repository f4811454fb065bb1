package org.openwaba.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU accounting for the report: the generator's own process CPU time (so readers can see how much
 * of a shared machine the generator took) and, on Linux, machine-wide busy time from {@code
 * /proc/stat} (generator plus server plus everything else).
 */
final class CpuUsage {
  private CpuUsage() {}

  /** CPU time used by this JVM so far, in nanoseconds, or -1 if the platform cannot tell. */
  static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  /**
   * Machine-wide {busy ticks, total ticks, cpu count} from {@code /proc/stat}, or null when not
   * available.
   */
  static long[] machineTicks() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
      long busy = -1;
      long total = 0;
      int cpus = 0;
      for (String line : lines) {
        if (line.startsWith("cpu ")) {
          String[] f = line.trim().split("\\s+");
          // user nice system idle iowait irq softirq steal (guest times are already in user)
          for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
          }
          long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
          busy = total - idle;
        } else if (line.startsWith("cpu")) {
          cpus++;
        }
      }
      return busy < 0 || cpus == 0 ? null : new long[] {busy, total, cpus};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Busy cores between two {@link #machineTicks()} samples, or -1. */
  static double busyCores(long[] before, long[] after) {
    if (before == null || after == null || after[1] <= before[1]) {
      return -1;
    }
    return (after[0] - before[0]) / (double) (after[1] - before[1]) * after[2];
  }
}
