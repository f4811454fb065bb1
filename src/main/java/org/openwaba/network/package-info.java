/**
 * The delivery network contract: the {@link org.openwaba.network.DeliveryNetwork} interface that
 * messaging hands accepted messages to, the content it carries, and the {@link
 * org.openwaba.network.DeliveryStatusesReported} event every network publishes. Implementations
 * live in sub-packages: {@code sandbox} (virtual devices, the default; it owns the tables {@code
 * network_sandbox_device}, {@code network_sandbox_message} and {@code network_sandbox_receipt} and
 * the endpoints under {@code /v2/sandbox}) and, later, {@code cloud}. The sandbox stores what its
 * devices send in the media module's store, as Meta's network stores users' media, which is why
 * {@code network} may use {@code media}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"accounts", "media"})
package org.openwaba.network;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
