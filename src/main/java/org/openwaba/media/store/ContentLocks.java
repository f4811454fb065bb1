package org.openwaba.media.store;

import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * Serialises, per content hash, storing a file together with the row that names it against deleting
 * a file no row names any more, so that a new upload of the same bytes never loses its file to a
 * concurrent delete. Striped: 256 locks shared by all hashes. In-process only: several nodes
 * sharing one store need the storage's own guarantee (documented in docs/architecture.md).
 */
@Component
public final class ContentLocks {

  private final ReentrantLock[] stripes = new ReentrantLock[256];

  public ContentLocks() {
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  /** The lock for this lower-case hex SHA-256. */
  public ReentrantLock of(String sha256) {
    return stripes[Integer.parseInt(sha256.substring(0, 2), 16)];
  }
}
