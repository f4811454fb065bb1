package org.openwaba.webhooks.delivery;

import java.io.IOException;
import org.openwaba.platform.outbound.OutboundClient;
import org.openwaba.platform.outbound.OutboundHttpClients;
import org.openwaba.webhooks.config.WebhooksProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The HTTP client for business endpoints, through the SSRF guard: every connection's address is
 * checked, and plain HTTP or non-public hosts are refused unless the operator allows them.
 */
@Component
class Endpoints implements DisposableBean {

  private final OutboundClient client;

  Endpoints(OutboundHttpClients clients, WebhooksProperties properties) {
    this.client =
        clients.create(
            0, properties.connectTimeout(), properties.requestTimeout(), properties.concurrency());
  }

  OutboundClient client() {
    return client;
  }

  @Override
  public void destroy() throws IOException {
    client.close();
  }
}
