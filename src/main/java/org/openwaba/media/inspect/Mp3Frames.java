package org.openwaba.media.inspect;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The duration of an MP3 (MPEG audio layer III) from its first frame: the frame count of a Xing or
 * Info header when the encoder wrote one (variable bit rate files always do), otherwise the audio
 * bytes divided by the first frame's constant bit rate. Reads a few hundred bytes, never the file.
 */
final class Mp3Frames {

  private static final int[] MPEG1_KBPS = {
    0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320
  };
  private static final int[] MPEG2_KBPS = {
    0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160
  };
  private static final int[] MPEG1_RATES = {44_100, 48_000, 32_000};
  private static final int FRAME_BYTES = 64;

  private Mp3Frames() {}

  /** Null when the first frame is not a valid layer III header. */
  static @Nullable Duration duration(Path file, long size, byte[] head) throws IOException {
    long offset = id3Length(head);
    if (offset + 4 > size) {
      return null;
    }
    byte[] frame = new byte[(int) Math.min(FRAME_BYTES, size - offset)];
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(offset);
      in.readFully(frame);
    }
    return duration(frame, size - offset);
  }

  /** An ID3v2 tag's length, header and footer included; 0 without one. */
  private static long id3Length(byte[] head) {
    if (head.length < 10 || head[0] != 'I' || head[1] != 'D' || head[2] != '3') {
      return 0;
    }
    long body = 0;
    for (int i = 6; i < 10; i++) {
      body = (body << 7) | (head[i] & 0x7F);
    }
    boolean footer = (head[5] & 0x10) != 0;
    return 10 + body + (footer ? 10 : 0);
  }

  private static @Nullable Duration duration(byte[] frame, long audioBytes) {
    if (frame.length < 4 || (frame[0] & 0xFF) != 0xFF || (frame[1] & 0xE0) != 0xE0) {
      return null;
    }
    int version = (frame[1] >> 3) & 0x3; // 3 MPEG-1, 2 MPEG-2, 0 MPEG-2.5
    int layer = (frame[1] >> 1) & 0x3; // 1 is layer III
    int bitrateIndex = (frame[2] >> 4) & 0xF;
    int rateIndex = (frame[2] >> 2) & 0x3;
    if (version == 1 || layer != 1 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
      return null;
    }
    boolean mpeg1 = version == 3;
    int sampleRate = MPEG1_RATES[rateIndex] / (mpeg1 ? 1 : version == 2 ? 2 : 4);
    int samplesPerFrame = mpeg1 ? 1152 : 576;
    boolean mono = ((frame[3] >> 6) & 0x3) == 3;
    int sideInfo = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
    Long frames = xingFrames(frame, 4 + sideInfo);
    if (frames != null) {
      return Duration.ofMillis(frames * samplesPerFrame * 1000 / sampleRate);
    }
    int kbps = (mpeg1 ? MPEG1_KBPS : MPEG2_KBPS)[bitrateIndex];
    return Duration.ofMillis(audioBytes * 8 / kbps);
  }

  private static @Nullable Long xingFrames(byte[] frame, int at) {
    if (frame.length < at + 12) {
      return null;
    }
    String tag = new String(frame, at, 4, StandardCharsets.ISO_8859_1);
    boolean hasFrames = (frame[at + 7] & 0x1) != 0;
    if (!(tag.equals("Xing") || tag.equals("Info")) || !hasFrames) {
      return null;
    }
    long frames = 0;
    for (int i = at + 8; i < at + 12; i++) {
      frames = (frames << 8) | (frame[i] & 0xFF);
    }
    return frames;
  }
}
