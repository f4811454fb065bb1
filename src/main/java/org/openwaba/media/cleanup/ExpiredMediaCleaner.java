package org.openwaba.media.cleanup;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openwaba.media.MediaLibrary;
import org.openwaba.media.config.MediaProperties;
import org.openwaba.media.store.MediaStaging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deletes expired media every {@code openwaba.media.cleanup-interval}, on one daemon thread started
 * and stopped with the application, in batches of {@link #BATCH} until none is left; then the
 * temporary files of transfers that a dead process left behind. A failure is logged as one line and
 * the next round tries again.
 */
@Component
class ExpiredMediaCleaner implements SmartLifecycle {

  static final int BATCH = 500;

  private static final Logger log = LoggerFactory.getLogger(ExpiredMediaCleaner.class);

  private final MediaLibrary library;
  private final MediaStaging staging;
  private final MediaProperties properties;
  private final Clock clock;
  private volatile @Nullable ScheduledExecutorService executor;

  ExpiredMediaCleaner(
      MediaLibrary library, MediaStaging staging, MediaProperties properties, Clock clock) {
    this.library = library;
    this.staging = staging;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    ScheduledExecutorService started =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "media-cleanup");
              thread.setDaemon(true);
              return thread;
            });
    long interval = properties.cleanupInterval().toMillis();
    started.scheduleWithFixedDelay(this::cleanUp, interval, interval, TimeUnit.MILLISECONDS);
    executor = started;
  }

  void cleanUp() {
    try {
      int total = 0;
      int deleted;
      do {
        deleted = library.deleteExpired(BATCH);
        total += deleted;
      } while (deleted == BATCH);
      if (total > 0) {
        log.info("media_expired_deleted count={}", total);
      }
      // Twice the longest a transfer may take: anything older belongs to no live transfer.
      int abandoned =
          staging.deleteAbandoned(clock.instant().minus(properties.fetchTimeout().multipliedBy(2)));
      if (abandoned > 0) {
        log.info("media_abandoned_temporary_files_deleted count={}", abandoned);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("media_cleanup_failed error=\"{}\"", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService running = executor;
    if (running != null) {
      running.shutdownNow();
      executor = null;
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
