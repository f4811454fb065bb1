package org.openwaba.media.inspect;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Walks the top-level boxes of an ISO base media file (MP4, 3GPP) by seeking from header to header,
 * without reading the media data: every box must fit in the file, and the movie header ({@code
 * moov/mvhd}) must be there; its timescale and duration give the playing time.
 */
final class IsoBoxes {

  private IsoBoxes() {}

  static Inspection inspect(Inspection inspection, Path file, long size) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long at = 0;
      boolean movie = false;
      while (at < size) {
        if (size - at < 8) {
          return inspection.truncated("the file ends inside a box header at byte " + at);
        }
        in.seek(at);
        long boxSize = in.readInt() & 0xFFFFFFFFL;
        String type = fourCc(in);
        int header = 8;
        if (boxSize == 1) {
          boxSize = in.readLong();
          header = 16;
        } else if (boxSize == 0) {
          boxSize = size - at;
        }
        if (boxSize < header || at + boxSize > size) {
          return inspection.truncated(
              "the '"
                  + type
                  + "' box at byte "
                  + at
                  + " is "
                  + boxSize
                  + " bytes long but the file ends "
                  + (size - at)
                  + " bytes after its start");
        }
        if (type.equals("moov")) {
          movie = true;
          Duration duration = movieDuration(in, at + header, at + boxSize);
          if (duration != null) {
            inspection = inspection.withDuration(duration);
          }
        }
        at += boxSize;
      }
      return movie ? inspection : inspection.truncated("the file has no movie header (moov box)");
    }
  }

  private static @Nullable Duration movieDuration(RandomAccessFile in, long from, long to)
      throws IOException {
    long at = from;
    while (to - at >= 8) {
      in.seek(at);
      long boxSize = in.readInt() & 0xFFFFFFFFL;
      String type = fourCc(in);
      if (boxSize < 8 || at + boxSize > to) {
        return null;
      }
      if (type.equals("mvhd")) {
        int version = in.readUnsignedByte();
        in.skipBytes(3);
        long timescale;
        long duration;
        if (version == 1) {
          in.skipBytes(16);
          timescale = in.readInt() & 0xFFFFFFFFL;
          duration = in.readLong();
        } else {
          in.skipBytes(8);
          timescale = in.readInt() & 0xFFFFFFFFL;
          duration = in.readInt() & 0xFFFFFFFFL;
        }
        return timescale == 0 || duration < 0
            ? null
            : Duration.ofMillis(
                duration / timescale * 1000 + duration % timescale * 1000 / timescale);
      }
      at += boxSize;
    }
    return null;
  }

  private static String fourCc(RandomAccessFile in) throws IOException {
    byte[] type = new byte[4];
    in.readFully(type);
    return new String(type, StandardCharsets.ISO_8859_1);
  }
}
