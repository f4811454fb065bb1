package org.openwaba.network;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Finds the delivery network a phone number uses. Thread-safe. */
@Service
public class DeliveryNetworks {

  private final Map<String, DeliveryNetwork> byName;

  DeliveryNetworks(List<DeliveryNetwork> networks) {
    this.byName =
        networks.stream().collect(Collectors.toMap(DeliveryNetwork::name, Function.identity()));
  }

  /**
   * The network with this name.
   *
   * @throws IllegalStateException if none is installed, which means a phone number was stored with
   *     a network this build does not have
   */
  public DeliveryNetwork named(String name) {
    DeliveryNetwork network = byName.get(name);
    if (network == null) {
      throw new IllegalStateException(
          "No delivery network named '" + name + "'; installed: " + byName.keySet());
    }
    return network;
  }
}
