/**
 * Checks a send must pass before it is accepted: for now, each account's messages-per-second limit.
 * Owns no tables yet; publishes no events.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"accounts", "network"})
package org.openwaba.compliance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
