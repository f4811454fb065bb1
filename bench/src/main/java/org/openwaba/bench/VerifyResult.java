package org.openwaba.bench;

import java.util.SortedMap;

/**
 * Outcome of looking up accepted message ids via {@code GET /v2/message-status}.
 *
 * @param requested ids asked for with {@code --verify-status}
 * @param checked ids actually looked up (fewer if fewer messages were accepted)
 * @param ok200 look-ups answered 200
 * @param otherStatuses look-ups answered with another status, by status
 * @param transportErrors look-ups that got no HTTP response
 * @param seconds time the look-ups took
 */
public record VerifyResult(
    int requested,
    int checked,
    long ok200,
    SortedMap<Integer, Long> otherStatuses,
    long transportErrors,
    double seconds) {

  public boolean allOk() {
    return checked == requested && ok200 == checked;
  }
}
