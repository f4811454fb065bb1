package org.openwaba.media.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.jspecify.annotations.Nullable;
import org.openwaba.media.MediaKind;
import org.openwaba.media.MediaRejectedException;
import org.openwaba.media.MediaRejectedException.Reason;
import org.openwaba.media.config.MediaProperties;
import org.openwaba.media.inspect.MediaRules;
import org.openwaba.media.store.MediaStaging;
import org.openwaba.media.store.StagedFile;
import org.openwaba.platform.outbound.OutboundClient;
import org.openwaba.platform.outbound.OutboundHttpClients;
import org.openwaba.platform.outbound.OutboundRefusedException;
import org.openwaba.platform.outbound.OutboundTimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Downloads a media URL into a staged file, through the platform's outbound guard: https only
 * (unless the operator allows http), every address connected to checked, at most {@code
 * openwaba.media.fetch-max-redirects} redirects, each re-checked, and connect and total timeouts.
 * The body streams to disk and the download stops as soon as it passes the kind's size limit, or at
 * once when the declared {@code Content-Length} is over it. The server's {@code Content-Type} is
 * ignored: the bytes decide. Every failure becomes a {@link MediaRejectedException} whose details
 * name the cause. Thread-safe.
 */
@Component
public class MediaDownloader implements DisposableBean {

  private final OutboundClient client;
  private final MediaStaging staging;

  MediaDownloader(OutboundHttpClients clients, MediaStaging staging, MediaProperties properties) {
    this.client =
        clients.create(
            properties.fetchMaxRedirects(),
            properties.fetchConnectTimeout(),
            properties.fetchTimeout());
    this.staging = staging;
  }

  /**
   * Downloads {@code url} for use as {@code kind}.
   *
   * @throws MediaRejectedException if the URL is refused, unreachable, times out, answers other
   *     than 200, or sends more than the kind's limit or fewer bytes than it announced
   */
  public StagedFile download(URI url, MediaKind kind) {
    String host = url.getHost() == null ? String.valueOf(url) : url.getHost();
    try {
      return client.get(
          url,
          response -> {
            int status = response.getCode();
            if (status != 200) {
              throw new MediaRejectedException(
                  Reason.UNREACHABLE,
                  "the media host " + host + " answered HTTP " + status + " instead of 200");
            }
            HttpEntity entity = response.getEntity();
            long declared = entity == null ? 0 : entity.getContentLength();
            if (declared > kind.maxBytes()) {
              throw MediaRules.tooLarge(
                  kind, kind.maxBytes(), "", declared + " bytes (its Content-Length)");
            }
            if (entity == null) {
              throw new MediaRejectedException(Reason.EMPTY, "the media URL returned no body");
            }
            InputStream in = entity.getContent();
            try {
              StagedFile staged = staging.stage(in, kind.maxBytes());
              in.close();
              return staged;
            } catch (IOException | RuntimeException e) {
              // Closing the stream would read the rest of the body to reuse the connection, which
              // for an oversized or endless body is exactly what must not happen: drop it instead.
              abort(in);
              throw e;
            }
          });
    } catch (MediaStaging.TooLargeException e) {
      throw MediaRules.tooLarge(kind, kind.maxBytes(), "", "larger than the limit");
    } catch (ConnectionClosedException e) {
      throw new MediaRejectedException(
          Reason.TRUNCATED,
          "the media host "
              + host
              + " closed the connection before sending the whole file: "
              + describe(e));
    } catch (MediaRejectedException e) {
      throw e;
    } catch (OutboundRefusedException e) {
      throw new MediaRejectedException(reasonOf(e), "the media URL was refused: " + e.getMessage());
    } catch (OutboundTimeoutException e) {
      throw new MediaRejectedException(
          Reason.TIMED_OUT, "fetching the media from " + host + " timed out: " + e.getMessage());
    } catch (UnknownHostException e) {
      throw new MediaRejectedException(
          Reason.UNREACHABLE, "the media host " + host + " does not resolve");
    } catch (IOException e) {
      throw new MediaRejectedException(
          Reason.UNREACHABLE, "the media could not be fetched from " + host + ": " + describe(e));
    }
  }

  private static Reason reasonOf(OutboundRefusedException e) {
    return switch (e.reason()) {
      case UNRESOLVABLE_HOST -> Reason.UNREACHABLE;
      case REFUSED_ADDRESS, PLAIN_HTTP, INVALID_URL, TOO_MANY_REDIRECTS -> Reason.REFUSED;
    };
  }

  private static void abort(InputStream in) {
    if (in instanceof EofSensorInputStream sensor) {
      try {
        sensor.abort();
      } catch (IOException ignored) {
        // The connection is being dropped anyway.
      }
    }
  }

  private static String describe(IOException e) {
    if (e instanceof SSLHandshakeException) {
      // The JDK's message names internal classes; what the user can act on is the certificate.
      return "the TLS handshake failed (the host's certificate is not trusted, expired, or not"
          + " for this host name)";
    }
    if (e instanceof SSLException) {
      return "the TLS connection failed";
    }
    @Nullable String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  @Override
  public void destroy() throws IOException {
    client.close();
  }
}
