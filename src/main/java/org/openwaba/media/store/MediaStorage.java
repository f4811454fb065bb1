package org.openwaba.media.store;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.core.io.Resource;

/**
 * Keeps media bytes, addressed by their SHA-256, so that the same file sent a thousand times is
 * stored once. The file system under the data directory is the default; an S3-compatible store for
 * several nodes implements the same three operations. Implementations are thread-safe.
 *
 * <p>Callers serialise {@link #put} and {@link #delete} of one hash (the media library locks per
 * hash), so implementations need not guard against a put racing a delete of the same content.
 */
public interface MediaStorage {

  /**
   * Stores the bytes of {@code staged}, whose SHA-256 is {@code sha256}; if that content is stored
   * already, keeps it. The implementation may move {@code staged} instead of copying it; the caller
   * deletes it afterwards if it is still there.
   */
  void put(String sha256, Path staged) throws IOException;

  /** Whether content with this hash is stored. */
  boolean contains(String sha256);

  /**
   * The stored content, readable as many times as needed and by byte ranges.
   *
   * @throws java.io.FileNotFoundException if nothing with this hash is stored
   */
  Resource read(String sha256) throws IOException;

  /** Deletes the content; does nothing if it is not stored. */
  void delete(String sha256) throws IOException;
}
