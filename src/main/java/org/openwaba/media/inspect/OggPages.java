package org.openwaba.media.inspect;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The playing time of an Ogg Opus or Vorbis stream (RFC 3533, 7845): the granule position of the
 * last page, in samples, divided by the sample rate (48 kHz for Opus, less its pre-skip). Only the
 * file's last 64 KiB are read; Ogg pages are at most 65,307 bytes.
 */
final class OggPages {

  private static final int TAIL_BYTES = 65_307 + 27;

  private OggPages() {}

  static @Nullable Duration duration(Path file, long size, byte[] head) throws IOException {
    if (head.length < 44) {
      return null;
    }
    String codec = new String(head, 28, 8, StandardCharsets.ISO_8859_1);
    long rate;
    long preSkip = 0;
    if (codec.equals("OpusHead")) {
      rate = 48_000;
      preSkip = (head[38] & 0xFF) | ((head[39] & 0xFF) << 8);
    } else if (codec.startsWith("\u0001vorbis")) {
      rate =
          (head[40] & 0xFFL)
              | ((head[41] & 0xFFL) << 8)
              | ((head[42] & 0xFFL) << 16)
              | ((head[43] & 0xFFL) << 24);
    } else {
      return null;
    }
    byte[] tail;
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      int length = (int) Math.min(TAIL_BYTES, size);
      tail = new byte[length];
      in.seek(size - length);
      in.readFully(tail);
    }
    for (int at = tail.length - 27; at >= 0; at--) {
      if (tail[at] == 'O' && tail[at + 1] == 'g' && tail[at + 2] == 'g' && tail[at + 3] == 'S') {
        long granule = 0;
        for (int i = 7; i >= 0; i--) {
          granule = (granule << 8) | (tail[at + 6 + i] & 0xFF);
        }
        long samples = granule - preSkip;
        return samples <= 0 || rate <= 0 ? null : Duration.ofMillis(samples * 1000 / rate);
      }
    }
    return null;
  }
}
