package org.openwaba.templates.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.templates.config.TemplatesProperties;
import org.openwaba.templates.store.NotificationStore;
import org.openwaba.templates.store.NotificationStore.QueuedEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued template status emails through the configured SMTP server. Every {@code
 * openwaba.templates.notifications.poll-interval} it claims due emails (versioned update and lease,
 * so two servers never send the same one), sends each outside any transaction and records the
 * outcome. A failed attempt is retried after a doubling delay; after {@code max-attempts} the email
 * is kept as {@code FAILED} with its last error. Counted in {@code openwaba.templates.email.sent}
 * and {@code .failures}. Not started without an SMTP server.
 */
@Component
class EmailWorker implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(EmailWorker.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FAILURE_PAUSE = Duration.ofSeconds(1);
  private static final int BATCH = 20;

  private final NotificationStore store;
  private final @Nullable JavaMailSender mail;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final TemplatesProperties.Notifications settings;
  private final Counter sent;
  private final Counter failures;
  private final Object sleeper = new Object();
  private volatile boolean running;
  private volatile @Nullable Thread thread;

  EmailWorker(
      NotificationStore store,
      ObjectProvider<JavaMailSender> mail,
      TransactionTemplate transactions,
      Clock clock,
      TemplatesProperties properties,
      MeterRegistry meters) {
    this.store = store;
    this.mail = mail.getIfAvailable();
    this.transactions = transactions;
    this.clock = clock;
    this.settings = properties.notifications();
    this.sent = meters.counter("openwaba.templates.email.sent");
    this.failures = meters.counter("openwaba.templates.email.failures");
  }

  @Override
  public synchronized void start() {
    if (running || mail == null) {
      return;
    }
    running = true;
    Thread worker = new Thread(this::run, "template-emails");
    worker.setDaemon(true);
    thread = worker;
    worker.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    Thread worker = thread;
    if (worker == null) {
      return;
    }
    synchronized (sleeper) {
      sleeper.notifyAll();
    }
    try {
      worker.join(STOP_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    while (running) {
      Duration pause = settings.pollInterval();
      try {
        if (sendDue() == BATCH) {
          pause = Duration.ZERO;
        }
      } catch (RuntimeException | Error e) {
        failures.increment();
        log.error("template_email_poll_failed error=\"{}\"", e, e);
        pause = FAILURE_PAUSE;
      }
      pause(pause);
    }
  }

  int sendDue() {
    JavaMailSender sender = mail;
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (sender == null || !store.anyDue(now)) {
      return 0;
    }
    List<QueuedEmail> due = store.due(now, BATCH);
    for (QueuedEmail email : due) {
      Boolean claimed =
          transactions.execute(status -> store.claim(email, now.plus(settings.lease())));
      if (Boolean.TRUE.equals(claimed)) {
        send(sender, email);
      }
    }
    return due.size();
  }

  private void send(JavaMailSender sender, QueuedEmail email) {
    int attempt = email.attempts() + 1;
    try {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(settings.from());
      message.setTo(email.recipient());
      message.setSubject(email.subject());
      message.setText(email.body());
      sender.send(message);
      transactions.executeWithoutResult(status -> store.markSent(email.id(), clock.instant()));
      sent.increment();
    } catch (RuntimeException failure) {
      failures.increment();
      String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
      boolean last = attempt >= settings.maxAttempts();
      // The recipient is the operator-configured address, not a secret; the body is not logged.
      log.warn(
          "template_email_failed email_id={} attempt={} final={} error=\"{}\"",
          email.id(),
          attempt,
          last,
          error);
      transactions.executeWithoutResult(
          status -> {
            if (last) {
              store.markFailed(email.id(), clock.instant(), error);
            } else {
              store.retryAt(email.id(), clock.instant().plus(settings.retryAfter(attempt)), error);
            }
          });
    }
  }

  private void pause(Duration pause) {
    if (pause.isZero()) {
      return;
    }
    synchronized (sleeper) {
      if (!running) {
        return;
      }
      try {
        sleeper.wait(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        running = false;
      }
    }
  }
}
