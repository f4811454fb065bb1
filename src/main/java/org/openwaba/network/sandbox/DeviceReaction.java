package org.openwaba.network.sandbox;

import java.time.Instant;

/**
 * A sandbox device's current reaction on a message it received. A removed reaction is no reaction.
 *
 * @param emoji exactly one emoji
 * @param at when the device set it
 */
public record DeviceReaction(String emoji, Instant at) {}
