package org.openwaba.media.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Incoming bytes written to a temporary file, with their SHA-256 and size. Close it to delete the
 * file.
 */
public record StagedFile(Path path, String sha256, long size) implements AutoCloseable {

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(path);
  }
}
