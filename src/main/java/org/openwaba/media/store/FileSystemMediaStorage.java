package org.openwaba.media.store;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.openwaba.media.config.MediaProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Media files in a directory tree: {@code <storage-directory>/ab/cd/<sha256>}, two levels of
 * fan-out so that no directory holds millions of entries. A staged file is renamed into place
 * atomically (or copied beside its final name first, across file systems), so a reader never sees
 * half a file.
 */
@Component
class FileSystemMediaStorage implements MediaStorage {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  private final Path root;

  FileSystemMediaStorage(MediaProperties properties) {
    this.root = properties.storageDirectory().toAbsolutePath().normalize();
  }

  @Override
  public void put(String sha256, Path staged) throws IOException {
    Path target = pathOf(sha256);
    if (Files.exists(target)) {
      return;
    }
    Files.createDirectories(target.getParent());
    try {
      // Staging lives under the same directory, so this is a rename: no second copy of 100 MB.
      Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    } catch (AtomicMoveNotSupportedException e) {
      // A staging directory on another file system: copy beside the target, then rename.
    }
    Path partial = target.resolveSibling(sha256 + ".partial-" + Thread.currentThread().getId());
    Files.copy(staged, partial, StandardCopyOption.REPLACE_EXISTING);
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public boolean contains(String sha256) {
    return Files.isRegularFile(pathOf(sha256));
  }

  @Override
  public Resource read(String sha256) throws IOException {
    Path path = pathOf(sha256);
    if (!Files.isRegularFile(path)) {
      throw new FileNotFoundException("no stored media with SHA-256 " + sha256);
    }
    return new FileSystemResource(path);
  }

  @Override
  public void delete(String sha256) throws IOException {
    Files.deleteIfExists(pathOf(sha256));
  }

  private Path pathOf(String sha256) {
    if (!SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
    }
    return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
  }
}
