package org.openwaba.messaging;

import java.time.Instant;

/**
 * The current reaction on a message: the user's on one of the business's messages, or the
 * business's on one of the user's (reference/cloud-api.md §2.9, §4.4). A removed reaction is no
 * reaction at all, so this is never empty.
 *
 * @param emoji exactly one emoji
 * @param at when it was set
 */
public record Reaction(String emoji, Instant at) {

  public Reaction {
    if (emoji.isEmpty()) {
      throw new IllegalArgumentException("a reaction's emoji is not empty; removal is no reaction");
    }
  }
}
