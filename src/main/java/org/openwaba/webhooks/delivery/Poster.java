package org.openwaba.webhooks.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.openwaba.platform.outbound.OutboundRefusedException;
import org.openwaba.platform.outbound.OutboundTimeoutException;
import org.openwaba.webhooks.WebhookRegistration;
import org.openwaba.webhooks.payload.Envelopes;
import org.openwaba.webhooks.store.EventStore.ClaimedEvent;
import org.springframework.stereotype.Component;

/**
 * Sends one POST: Meta's envelope in the registration's body form, with a {@code Content-Length}
 * (never chunked), {@code Content-Type: application/json}, the signature of the exact bytes and the
 * ids of the events it carries. Any 2xx answer is success.
 */
@Component
class Poster {

  /** Lists the events of the POST; each id is the same on every retry, for de-duplication. */
  static final String DELIVERY_ID_HEADER = "X-OpenWABA-Delivery-Id";

  private static final ContentType JSON = ContentType.create("application/json");
  private static final int MAX_ANSWER = 4096;

  private final Endpoints endpoints;
  private final AppSecrets secrets;
  private final Clock clock;

  Poster(Endpoints endpoints, AppSecrets secrets, Clock clock) {
    this.endpoints = endpoints;
    this.secrets = secrets;
    this.clock = clock;
  }

  Post send(long attemptId, WebhookRegistration registration, List<ClaimedEvent> events) {
    List<Envelopes.Change> changes = new ArrayList<>(events.size());
    for (ClaimedEvent event : events) {
      changes.add(new Envelopes.Change(event.kind().field(), event.value()));
    }
    byte[] body =
        Envelopes.body(registration.accountId().value(), changes, registration.bodyForm());
    HttpPost post = new HttpPost(URI.create(registration.url()));
    post.setEntity(new ByteArrayEntity(body, JSON));
    post.setHeader("X-Hub-Signature-256", secrets.of(registration.accountId()).sign(body));
    post.setHeader(
        DELIVERY_ID_HEADER,
        events.stream().map(e -> Long.toString(e.id())).collect(Collectors.joining(",")));
    post.setHeader("User-Agent", "OpenWABA-Webhooks/1.0");
    Instant start = clock.instant();
    long started = System.nanoTime();
    Integer status = null;
    String error;
    try {
      status =
          endpoints
              .client()
              .send(post, response -> drain(response.getEntity(), response.getCode()));
      error = status >= 200 && status < 300 ? null : "HTTP " + status;
    } catch (OutboundRefusedException e) {
      error = "refused: " + e.getMessage();
    } catch (OutboundTimeoutException e) {
      error = "timeout: " + e.getMessage();
    } catch (IOException e) {
      error = "connection: " + Handshake.describe(e);
    } catch (RuntimeException e) {
      error = "error: " + e;
    }
    long latency = (System.nanoTime() - started) / 1_000_000;
    return new Post(attemptId, registration, events, start, status, latency, error);
  }

  /** Reads (a bounded part of) the answer, so the connection can be reused. */
  private static int drain(HttpEntity entity, int status) throws IOException {
    if (entity != null) {
      try (InputStream in = entity.getContent()) {
        in.readNBytes(MAX_ANSWER);
      }
    }
    return status;
  }
}
