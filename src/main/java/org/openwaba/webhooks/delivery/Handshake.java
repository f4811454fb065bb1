package org.openwaba.webhooks.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.HttpEntity;
import org.openwaba.platform.Ids;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.outbound.OutboundRefusedException;
import org.openwaba.platform.outbound.OutboundTimeoutException;
import org.openwaba.webhooks.WebhookVerificationException;
import org.springframework.stereotype.Component;

/**
 * The subscription handshake: {@code GET url?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…}
 * must be answered with HTTP 200 and exactly the challenge as the body. Redirects are not followed,
 * as Meta does not follow them.
 */
@Component
public class Handshake {

  private static final int MAX_BODY = 1024;

  private final Endpoints endpoints;
  private final Ids ids;

  Handshake(Endpoints endpoints, Ids ids) {
    this.endpoints = endpoints;
    this.ids = ids;
  }

  /**
   * Verifies the endpoint.
   *
   * @throws InvalidRequestException if the URL may not be called (plain HTTP, non-public address)
   * @throws WebhookVerificationException if the endpoint's answer is not the challenge
   */
  public void verify(String url, String verifyToken) {
    String challenge = ids.opaqueId();
    URI uri =
        URI.create(
            url
                + (url.contains("?") ? "&" : "?")
                + "hub.mode=subscribe&hub.verify_token="
                + URLEncoder.encode(verifyToken, StandardCharsets.UTF_8)
                + "&hub.challenge="
                + challenge);
    Answer answer;
    try {
      answer =
          endpoints
              .client()
              .send(
                  new HttpGet(uri),
                  response -> new Answer(response.getCode(), head(response.getEntity())));
    } catch (OutboundRefusedException e) {
      throw new InvalidRequestException(
          "Webhook URL not allowed", "The webhook URL is refused: " + e.getMessage());
    } catch (OutboundTimeoutException e) {
      throw new WebhookVerificationException(
          "The endpoint did not answer the verification request: " + e.getMessage());
    } catch (IOException e) {
      throw new WebhookVerificationException(
          "The endpoint could not be reached for verification: " + describe(e));
    }
    if (answer.status() != 200) {
      throw new WebhookVerificationException(
          "The endpoint answered the verification request with HTTP "
              + answer.status()
              + " instead of 200 with the challenge"
              + (answer.status() == 401 || answer.status() == 403
                  ? " (does its verify token match the one registered?)"
                  : ""));
    }
    if (!answer.body().equals(challenge)) {
      throw new WebhookVerificationException(
          "The endpoint answered HTTP 200 but its body was not exactly the hub.challenge value"
              + " (received "
              + answer.body().length()
              + " characters"
              + (answer.body().isEmpty() ? ", an empty body" : "")
              + ")");
    }
  }

  private record Answer(int status, String body) {}

  private static String head(HttpEntity entity) throws IOException {
    if (entity == null) {
      return "";
    }
    try (InputStream in = entity.getContent()) {
      return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
    }
  }

  static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
