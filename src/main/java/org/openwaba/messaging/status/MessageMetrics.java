package org.openwaba.messaging.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.openwaba.messaging.MessageStatus;
import org.springframework.stereotype.Component;

/**
 * Message counters by status ({@code openwaba_messages_total{status=...}}: accepted, sent,
 * delivered, read, failed) and the latency of accepted sends ({@code openwaba_send_seconds}, a
 * histogram), as Prometheus scrapes them.
 */
@Component
public class MessageMetrics {

  private final Map<MessageStatus, Counter> counters = new EnumMap<>(MessageStatus.class);
  private final Timer sendLatency;

  MessageMetrics(MeterRegistry registry) {
    for (MessageStatus status : MessageStatus.values()) {
      counters.put(
          status,
          Counter.builder("openwaba.messages")
              .description("Messages that reached each status")
              .tag("status", status.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
    sendLatency =
        Timer.builder("openwaba.send")
            .description("Time to validate and durably accept a send request")
            .publishPercentileHistogram()
            .register(registry);
  }

  public void reached(MessageStatus status) {
    counters.get(status).increment();
  }

  public void accepted(int count) {
    counters.get(MessageStatus.ACCEPTED).increment(count);
  }

  public void sendTook(Duration duration) {
    sendLatency.record(duration);
  }
}
