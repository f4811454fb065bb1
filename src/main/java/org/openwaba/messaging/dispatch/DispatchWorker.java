package org.openwaba.messaging.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.openwaba.messaging.MessagingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The thread that drains the dispatch queue. It is woken as soon as new messages commit, and also
 * polls, to pick up retries that came due and claims left behind by a crashed process. Each round
 * catches everything, logs one line, counts it and goes on.
 */
@Component
public class DispatchWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DispatchWorker.class);

  private final Dispatcher dispatcher;
  private final MessagingProperties properties;
  private final Counter roundFailures;
  private final Semaphore wakeUp = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  DispatchWorker(Dispatcher dispatcher, MessagingProperties properties, MeterRegistry registry) {
    this.dispatcher = dispatcher;
    this.properties = properties;
    this.roundFailures =
        Counter.builder("openwaba.dispatch.failures")
            .description("Dispatch rounds that failed unexpectedly")
            .register(registry);
  }

  /** Asks the worker to look at the queue now; cheap and safe to call from any thread. */
  public void wakeUp() {
    if (wakeUp.availablePermits() == 0) {
      wakeUp.release();
    }
  }

  @Override
  public synchronized void start() {
    running = true;
    if (properties.dispatchPaused()) {
      log.warn("dispatch_paused: messages are accepted and queued but not delivered");
      return;
    }
    thread = new Thread(this::run, "dispatch-worker");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    wakeUp.release();
    Thread current = thread;
    if (current != null) {
      try {
        current.join(properties.dispatchLease().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      try {
        wakeUp.drainPermits();
        int claimed = dispatcher.dispatchDue();
        if (claimed < properties.dispatchBatchSize()
            && wakeUp.tryAcquire(
                properties.dispatchPollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
          linger();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        roundFailures.increment();
        log.error("dispatch_round_failed error=\"{}\"", e.toString(), e);
        pause();
      }
    }
  }

  /** Lets a woken round gather what arrives meanwhile into the same batch. */
  private void linger() throws InterruptedException {
    long millis = properties.dispatchLinger().toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  private void pause() {
    try {
      wakeUp.tryAcquire(properties.dispatchPollInterval().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
