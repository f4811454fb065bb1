package org.openwaba.media.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.openwaba.media.MediaTypes;
import org.springframework.stereotype.Component;

/**
 * Decides what a file is from its bytes alone, never from a name or a declared type.
 *
 * <p>The content type comes from Apache Tika's magic-byte detector (tika-core, without the parser
 * bundle). Tika's core detector sees an Office Open XML file as a ZIP archive ({@code
 * application/zip} or {@code application/x-tika-ooxml}), so for those the archive's directory is
 * read: {@code [Content_Types].xml} together with {@code word/document.xml}, {@code
 * xl/workbook.xml} or {@code ppt/presentation.xml} makes it DOCX, XLSX or PPTX. Reading the
 * directory goes through the file, never the whole archive into memory.
 *
 * <p>Then the structure is checked where that is cheap, to catch truncated files: a PNG ends with
 * its IEND chunk, a JPEG with its end-of-image marker, a PDF with {@code %%EOF}, a WEBP's RIFF
 * length matches the file, an MP4's boxes fit in the file and include the movie header, a ZIP has
 * its central directory. MP3, OGG and text are streams without an end marker and are not checked.
 * Width and height are read from image headers, and the duration from an MP4's movie header, an Ogg
 * stream's last page, or an MP3's first frame (its Xing/Info frame count, or its bit rate).
 * Thread-safe.
 */
@Component
public class ContentInspector {

  private static final int TAIL_BYTES = 1024;
  private static final int HEAD_BYTES = 64;
  private static final Set<String> ZIP_TYPES =
      Set.of("application/zip", "application/x-tika-ooxml", "application/x-zip-compressed");

  private final MimeTypes detector = MimeTypes.getDefaultMimeTypes();

  /** Inspects the {@code size} bytes of {@code file}; {@code size} must be positive. */
  public Inspection inspect(Path file, long size) throws IOException {
    if (size <= 0) {
      throw new IllegalArgumentException("size must be positive, was " + size);
    }
    String detected;
    try (InputStream in = TikaInputStream.get(file)) {
      detected = detector.detect(in, new Metadata()).getBaseType().toString();
    }
    if (ZIP_TYPES.contains(detected)) {
      return officeOpenXml(file, detected);
    }
    byte[] head = head(file, size);
    if (detected.equals("application/ogg")) {
      detected = oggAudio(head);
    }
    String type = MediaTypes.canonical(detected);
    Inspection inspection = Inspection.of(type);
    byte[] tail = tail(file, size);
    return switch (type) {
      case MediaTypes.PNG -> png(inspection, head, tail);
      case MediaTypes.JPEG -> jpeg(inspection, file, tail);
      case MediaTypes.PDF ->
          contains(tail, "%%EOF".getBytes(StandardCharsets.US_ASCII))
              ? inspection
              : inspection.truncated("the PDF has no %%EOF marker at its end");
      case MediaTypes.WEBP -> webp(inspection, head, size);
      case MediaTypes.MP4, MediaTypes.THREE_GPP -> IsoBoxes.inspect(inspection, file, size);
      case MediaTypes.MP3 -> {
        Duration duration = Mp3Frames.duration(file, size, head);
        yield duration == null ? inspection : inspection.withDuration(duration);
      }
      case MediaTypes.OGG -> {
        Duration duration = OggPages.duration(file, size, head);
        yield duration == null ? inspection : inspection.withDuration(duration);
      }
      default -> inspection;
    };
  }

  /**
   * Tika's core detector names any Ogg stream {@code application/ogg}; the first packet, at byte 28
   * of the first page, says whether it is Opus or Vorbis audio (WhatsApp's voice notes are Opus).
   */
  private static String oggAudio(byte[] head) {
    if (head.length >= 36) {
      String packet = new String(head, 28, 8, StandardCharsets.ISO_8859_1);
      if (packet.equals("OpusHead")) {
        return "audio/opus";
      }
      if (packet.startsWith("\u0001vorbis")) {
        return "audio/vorbis";
      }
    }
    return "application/ogg";
  }

  private static Inspection officeOpenXml(Path file, String detected) {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      if (zip.getEntry("[Content_Types].xml") != null) {
        if (zip.getEntry("word/document.xml") != null) {
          return Inspection.of(MediaTypes.DOCX);
        }
        if (zip.getEntry("xl/workbook.xml") != null) {
          return Inspection.of(MediaTypes.XLSX);
        }
        if (zip.getEntry("ppt/presentation.xml") != null) {
          return Inspection.of(MediaTypes.PPTX);
        }
      }
      return Inspection.of("application/zip");
    } catch (ZipException e) {
      return Inspection.of(detected)
          .truncated("the ZIP archive has no readable central directory (" + e.getMessage() + ")");
    } catch (IOException e) {
      return Inspection.of(detected).truncated("the ZIP archive cannot be read");
    }
  }

  private static Inspection png(Inspection inspection, byte[] head, byte[] tail) {
    // IHDR is the first chunk: width and height are big-endian at bytes 16 and 20.
    if (head.length >= 24) {
      inspection = inspection.withSize(int32(head, 16), int32(head, 20));
    }
    byte[] iend = "IEND".getBytes(StandardCharsets.US_ASCII);
    return tail.length >= 8 && Arrays.equals(tail, tail.length - 8, tail.length - 4, iend, 0, 4)
        ? inspection
        : inspection.truncated("the PNG does not end with its IEND chunk");
  }

  private static Inspection jpeg(Inspection inspection, Path file, byte[] tail) {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (readers.hasNext()) {
        ImageReader reader = readers.next();
        try {
          reader.setInput(in, true, true);
          inspection = inspection.withSize(reader.getWidth(0), reader.getHeight(0));
        } finally {
          reader.dispose();
        }
      }
    } catch (IOException | RuntimeException e) {
      // A header the reader cannot parse leaves the size unknown; the end marker decides below.
    }
    // Some encoders pad after the end-of-image marker, so it is looked for near the end.
    return contains(tail, new byte[] {(byte) 0xFF, (byte) 0xD9})
        ? inspection
        : inspection.truncated("the JPEG has no end-of-image marker");
  }

  private static Inspection webp(Inspection inspection, byte[] head, long size) {
    if (head.length < 30) {
      return inspection.truncated("the WEBP is shorter than its headers");
    }
    long riffEnd = (int32le(head, 4) & 0xFFFFFFFFL) + 8;
    if (riffEnd > size) {
      return inspection.truncated(
          "the WEBP's RIFF header promises " + riffEnd + " bytes but the file has " + size);
    }
    String chunk = new String(head, 12, 4, StandardCharsets.US_ASCII);
    switch (chunk) {
      case "VP8X" -> {
        // Extended format: flags at byte 20 (0x02 = animation), then 24-bit canvas size - 1.
        inspection = inspection.withSize(int24le(head, 24) + 1, int24le(head, 27) + 1);
        if ((head[20] & 0x02) != 0) {
          inspection = inspection.asAnimated();
        }
      }
      case "VP8 " ->
          // Lossy: the key frame header holds 14-bit width and height at bytes 26 and 28.
          inspection = inspection.withSize(int16le(head, 26) & 0x3FFF, int16le(head, 28) & 0x3FFF);
      case "VP8L" -> {
        // Lossless: after the 0x2f signature, 14 bits of width - 1 and 14 of height - 1.
        int bits = int32le(head, 21);
        inspection = inspection.withSize((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
      }
      default -> {}
    }
    return inspection;
  }

  private static byte[] head(Path file, long size) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      byte[] head = new byte[(int) Math.min(HEAD_BYTES, size)];
      in.readFully(head);
      return head;
    }
  }

  private static byte[] tail(Path file, long size) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      int length = (int) Math.min(TAIL_BYTES, size);
      byte[] tail = new byte[length];
      in.seek(size - length);
      in.readFully(tail);
      return tail;
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  static int int32(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24)
        | ((b[at + 1] & 0xFF) << 16)
        | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }

  private static int int32le(byte[] b, int at) {
    return (b[at] & 0xFF)
        | ((b[at + 1] & 0xFF) << 8)
        | ((b[at + 2] & 0xFF) << 16)
        | ((b[at + 3] & 0xFF) << 24);
  }

  private static int int24le(byte[] b, int at) {
    return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) | ((b[at + 2] & 0xFF) << 16);
  }

  private static int int16le(byte[] b, int at) {
    return (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8);
  }
}
