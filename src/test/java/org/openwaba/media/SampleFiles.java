package org.openwaba.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;

/**
 * Small real files of every supported type, built in code so that tests carry no binary fixtures:
 * images through ImageIO, the rest assembled from their published structures.
 */
public final class SampleFiles {

  private SampleFiles() {}

  public static byte[] png(int width, int height) {
    return image("png", width, height, BufferedImage.TYPE_INT_ARGB);
  }

  public static byte[] jpeg(int width, int height) {
    return image("jpeg", width, height, BufferedImage.TYPE_INT_RGB);
  }

  private static byte[] image(String format, int width, int height, int type) {
    BufferedImage image = new BufferedImage(width, height, type);
    for (int x = 0; x < width; x++) {
      image.setRGB(x, x % height, 0xFF3366);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A PNG of exactly {@code size} bytes: a real image with a private ancillary chunk as padding.
   */
  public static byte[] pngOfSize(int size) {
    byte[] png = png(4, 4);
    int padding = size - png.length - 12;
    if (padding < 0) {
      throw new IllegalArgumentException("too small for a PNG: " + size);
    }
    // Insert a "prVt" chunk (ancillary, private) right after the 33-byte signature and IHDR.
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(png, 0, 33);
    out.putInt(padding).put("prVt".getBytes(StandardCharsets.US_ASCII));
    out.put(new byte[padding]);
    out.putInt(0);
    out.put(png, 33, png.length - 33);
    return out.array();
  }

  public static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A PDF padded with a comment to exactly {@code size} bytes. */
  public static byte[] pdfOfSize(int size) {
    byte[] head = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\ntrailer\n<< >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    byte[] pdf = new byte[size];
    System.arraycopy(head, 0, pdf, 0, head.length);
    Arrays.fill(pdf, head.length, size - tail.length, (byte) 'x');
    System.arraycopy(tail, 0, pdf, size - tail.length, tail.length);
    return pdf;
  }

  public static byte[] text() {
    return "Order 1234 shipped.\nThank you!\n".getBytes(StandardCharsets.UTF_8);
  }

  /** An Office Open XML package whose main part is {@code mainPart}, e.g. word/document.xml. */
  public static byte[] officeOpenXml(String mainPart) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                  + "content-types\"/>")
              .getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("_rels/.rels"));
      zip.write("<Relationships/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(mainPart));
      zip.write("<document/>".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static byte[] docx() {
    return officeOpenXml("word/document.xml");
  }

  public static byte[] xlsx() {
    return officeOpenXml("xl/workbook.xml");
  }

  public static byte[] pptx() {
    return officeOpenXml("ppt/presentation.xml");
  }

  /** An MP4 (brand mp42) of {@code seconds} with {@code mediaBytes} bytes of media data. */
  public static byte[] mp4(int seconds, int mediaBytes) {
    return isoMedia("mp42", seconds, mediaBytes);
  }

  public static byte[] threeGpp(int seconds) {
    return isoMedia("3gp4", seconds, 64);
  }

  private static byte[] isoMedia(String brand, int seconds, int mediaBytes) {
    int ftyp = 24;
    int mvhd = 108;
    int moov = 8 + mvhd;
    int mdat = 8 + mediaBytes;
    ByteBuffer out = ByteBuffer.allocate(ftyp + moov + mdat);
    out.putInt(ftyp).put(ascii("ftyp")).put(ascii(brand)).putInt(0);
    out.put(ascii(brand)).put(ascii("isom"));
    out.putInt(moov).put(ascii("moov"));
    out.putInt(mvhd).put(ascii("mvhd"));
    out.putInt(0); // version 0, flags
    out.putInt(0).putInt(0); // creation and modification time
    out.putInt(1000).putInt(seconds * 1000); // timescale, duration
    out.put(new byte[mvhd - 28]);
    out.putInt(mdat).put(ascii("mdat")).put(new byte[mediaBytes]);
    return out.array();
  }

  /** An MP3: an ID3v2 tag followed by MPEG-1 layer III frame headers. */
  public static byte[] mp3() {
    ByteBuffer out = ByteBuffer.allocate(10 + 4 * 417);
    out.put(ascii("ID3")).put((byte) 4).put((byte) 0).put((byte) 0).putInt(0);
    for (int i = 0; i < 4; i++) {
      out.put((byte) 0xFF).put((byte) 0xFB).put((byte) 0x90).put((byte) 0x64);
      out.put(new byte[413]);
    }
    return out.array();
  }

  /**
   * A constant-bit-rate MP3 of {@code seconds}: an ID3v2 tag, then 128 kbit/s MPEG-1 layer III
   * frames at 44.1 kHz (16,000 bytes of audio a second).
   */
  public static byte[] mp3(int seconds) {
    int audio = 16_000 * seconds;
    ByteBuffer out = ByteBuffer.allocate(10 + 100 + audio);
    // Tag body length 100, syncsafe: only the last byte is used.
    out.put(ascii("ID3")).put((byte) 4).put((byte) 0).put((byte) 0).putInt(100).put(new byte[100]);
    byte[] frame = new byte[417];
    frame[0] = (byte) 0xFF;
    frame[1] = (byte) 0xFB;
    frame[2] = (byte) 0x90;
    frame[3] = (byte) 0x64;
    for (int written = 0; written < audio; written += frame.length) {
      out.put(frame, 0, Math.min(frame.length, audio - written));
    }
    return out.array();
  }

  /**
   * A variable-bit-rate MP3 whose first frame is a Xing header counting {@code frames} frames of
   * 1,152 samples at 44.1 kHz; the bytes that follow are too few for a bit-rate estimate to agree.
   */
  public static byte[] mp3Xing(int frames) {
    ByteBuffer out = ByteBuffer.allocate(417 * 3);
    out.put((byte) 0xFF).put((byte) 0xFB).put((byte) 0x90).put((byte) 0x64);
    out.put(new byte[32]).put(ascii("Xing")).putInt(1).putInt(frames);
    return out.array();
  }

  /** An Ogg Opus stream's first page, carrying the OpusHead identification header. */
  public static byte[] oggOpus() {
    ByteBuffer out = ByteBuffer.allocate(27 + 1 + 19).order(ByteOrder.LITTLE_ENDIAN);
    out.put(ascii("OggS")).put((byte) 0).put((byte) 2).putLong(0).putInt(1).putInt(0).putInt(0);
    out.put((byte) 1).put((byte) 19);
    out.put(ascii("OpusHead")).put((byte) 1).put((byte) 1).putShort((short) 312);
    out.putInt(48000).putShort((short) 0).put((byte) 0);
    return out.array();
  }

  /** An Ogg Opus stream of {@code seconds}: the OpusHead page and a last page at that granule. */
  public static byte[] oggOpus(int seconds) {
    byte[] first = oggOpus();
    ByteBuffer out = ByteBuffer.allocate(first.length + 27 + 1 + 3).order(ByteOrder.LITTLE_ENDIAN);
    out.put(first);
    out.put(ascii("OggS")).put((byte) 0).put((byte) 4).putLong(312 + 48_000L * seconds);
    out.putInt(1).putInt(1).putInt(0).put((byte) 1).put((byte) 3).put(new byte[3]);
    return out.array();
  }

  /** A lossless static WEBP of the given size, padded to {@code totalBytes}. */
  public static byte[] webpStatic(int width, int height, int totalBytes) {
    int payload = totalBytes - 20;
    ByteBuffer out = ByteBuffer.allocate(totalBytes).order(ByteOrder.LITTLE_ENDIAN);
    out.put(ascii("RIFF")).putInt(totalBytes - 8).put(ascii("WEBP"));
    out.put(ascii("VP8L")).putInt(payload);
    out.put((byte) 0x2F).putInt((width - 1) | ((height - 1) << 14));
    out.put(new byte[payload - 5]);
    return out.array();
  }

  /** An animated WEBP (VP8X with the animation flag and an ANIM chunk) of {@code totalBytes}. */
  public static byte[] webpAnimated(int width, int height, int totalBytes) {
    ByteBuffer out = ByteBuffer.allocate(totalBytes).order(ByteOrder.LITTLE_ENDIAN);
    out.put(ascii("RIFF")).putInt(totalBytes - 8).put(ascii("WEBP"));
    out.put(ascii("VP8X")).putInt(10).put((byte) 0x02).put(new byte[3]);
    out.put(int24(width - 1)).put(int24(height - 1));
    int rest = totalBytes - out.position() - 8;
    out.put(ascii("ANIM")).putInt(rest).put(new byte[rest]);
    return out.array();
  }

  /** A Windows executable's start: the MZ header and PE signature. */
  public static byte[] executable() {
    byte[] exe = new byte[512];
    exe[0] = 'M';
    exe[1] = 'Z';
    ByteBuffer.wrap(exe).order(ByteOrder.LITTLE_ENDIAN).putInt(0x3C, 0x80);
    exe[0x80] = 'P';
    exe[0x81] = 'E';
    return exe;
  }

  public static byte[] truncated(byte[] file, int keep) {
    return Arrays.copyOf(file, keep);
  }

  private static byte[] int24(int value) {
    return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16)};
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
