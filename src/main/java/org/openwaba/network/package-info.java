/**
 * The delivery network contract: the {@link org.openwaba.network.DeliveryNetwork} interface that
 * messaging hands accepted messages to, the content it carries, and the {@link
 * org.openwaba.network.DeliveryStatusesReported} event every network publishes. Implementations
 * live in sub-packages: {@code sandbox} (virtual devices, the default) and, later, {@code cloud}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = "accounts")
package org.openwaba.network;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
