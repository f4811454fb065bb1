package org.openwaba.media.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.openwaba.media.config.MediaProperties;
import org.springframework.stereotype.Component;

/**
 * Writes incoming bytes to a temporary file under {@code <storage-directory>/tmp}, hashing and
 * counting them on the way through a 64 KiB buffer: a file is never held in memory, and a stream
 * longer than its limit is cut off as soon as it passes it.
 */
@Component
public class MediaStaging {

  private static final int BUFFER_BYTES = 64 * 1024;

  private final Path tmp;

  public MediaStaging(MediaProperties properties) throws IOException {
    this.tmp = properties.storageDirectory().toAbsolutePath().normalize().resolve("tmp");
    Files.createDirectories(tmp);
  }

  /** Thrown by {@link #stage} when the stream is longer than allowed; nothing is kept. */
  public static final class TooLargeException extends IOException {
    private final long limit;

    TooLargeException(long limit) {
      super("more than " + limit + " bytes");
      this.limit = limit;
    }

    /** The limit that was passed, in bytes. */
    public long limit() {
      return limit;
    }
  }

  /**
   * Copies {@code in} to a new temporary file, reading at most {@code maxBytes} + 1 bytes.
   *
   * @throws TooLargeException if the stream holds more than {@code maxBytes} bytes
   * @throws IOException if reading or writing fails; the partial file is deleted
   */
  public StagedFile stage(InputStream in, long maxBytes) throws IOException {
    Path file = Files.createTempFile(tmp, "incoming-", ".part");
    boolean done = false;
    try {
      MessageDigest digest = sha256();
      long size = 0;
      byte[] buffer = new byte[BUFFER_BYTES];
      try (OutputStream out = Files.newOutputStream(file)) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          size += read;
          if (size > maxBytes) {
            throw new TooLargeException(maxBytes);
          }
          digest.update(buffer, 0, read);
          out.write(buffer, 0, read);
        }
      }
      done = true;
      return new StagedFile(file, HexFormat.of().formatHex(digest.digest()), size);
    } finally {
      if (!done) {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * Deletes temporary files last written before {@code cutoff}: left behind by a process that died
   * mid-transfer (a live transfer writes its file continuously and is bounded by the fetch
   * timeout). Returns how many were deleted.
   */
  public int deleteAbandoned(Instant cutoff) throws IOException {
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(tmp, "incoming-*.part")) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
            && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    }
    return deleted;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
