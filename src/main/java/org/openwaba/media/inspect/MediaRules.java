package org.openwaba.media.inspect;

import java.util.Locale;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.openwaba.media.MediaKind;
import org.openwaba.media.MediaRejectedException;
import org.openwaba.media.MediaRejectedException.Reason;
import org.openwaba.media.MediaTypes;

/**
 * The seed's "Supported Formats" table as checks on an inspected file: the detected type must be
 * one the kind accepts, the size within the kind's limit, the structure complete. Every refusal
 * names what was found. Pure functions; thread-safe.
 */
public final class MediaRules {

  private MediaRules() {}

  /**
   * The kind the file is used as: {@code kind} if given, otherwise the one its detected type
   * belongs to (uploads without a message kind).
   *
   * @throws MediaRejectedException if the file breaks a rule
   */
  public static MediaKind check(@Nullable MediaKind kind, Inspection inspection, long size) {
    String found = inspection.mimeType();
    MediaKind actual = MediaKind.ofMimeType(found).orElse(null);
    if (kind == null) {
      if (actual == null) {
        throw new MediaRejectedException(
            Reason.WRONG_TYPE,
            "the file is "
                + found
                + ", which is not a supported media type; supported: "
                + new TreeSet<>(MediaTypesList.ALL));
      }
      kind = actual;
    } else if (actual != kind) {
      throw new MediaRejectedException(
          Reason.WRONG_TYPE,
          "the file is "
              + found
              + (actual == null ? "" : " (" + actual.apiName() + ")")
              + ", not "
              + kind.apiName()
              + "; "
              + kind.apiName()
              + " accepts "
              + String.join(", ", new TreeSet<>(kind.mimeTypes())));
    }
    requireWithin(kind, kind.maxBytes(), size, "");
    if (kind == MediaKind.STICKER && !inspection.animated()) {
      requireWithin(kind, MediaKind.STATIC_STICKER_MAX_BYTES, size, " for a static sticker");
    }
    String truncation = inspection.truncation();
    if (truncation != null) {
      throw new MediaRejectedException(
          Reason.TRUNCATED, "the file is truncated or corrupt: " + truncation);
    }
    return kind;
  }

  /**
   * Refuses {@code size} over {@code limit} bytes.
   *
   * @throws MediaRejectedException naming the size and the limit
   */
  public static void requireWithin(MediaKind kind, long limit, long size, String qualifier) {
    if (size > limit) {
      throw tooLarge(kind, limit, qualifier, size + " bytes");
    }
  }

  /** The refusal of a file larger than {@code limit}, whose size is described by {@code found}. */
  public static MediaRejectedException tooLarge(
      MediaKind kind, long limit, String qualifier, String found) {
    return new MediaRejectedException(
        Reason.TOO_LARGE,
        "the file is "
            + found
            + ", over the limit of "
            + String.format(Locale.ROOT, "%,d", limit)
            + " bytes"
            + (qualifier.isEmpty() ? " for " + kind.apiName() : qualifier));
  }

  /**
   * The name a file of this type is sent under: {@code requested} when it carries the right
   * extension; otherwise its base name with the right extension added (or put in place of a wrong
   * one); {@code fallback} with the extension when no name was given. Path parts and control
   * characters are removed.
   */
  public static String filename(@Nullable String requested, String mimeType, String fallback) {
    String extension = MediaTypes.extensionOf(mimeType);
    String name = requested == null ? "" : sanitize(requested);
    if (name.isEmpty()) {
      name = fallback;
    }
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String current = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    if (current.equals(extension) || (extension.equals("jpg") && current.equals("jpeg"))) {
      return name;
    }
    // A known media extension that is wrong is replaced; anything else (report.v2) is kept.
    boolean wrongMediaExtension =
        MediaKind.ofMimeType(mimeType).isPresent() && MediaTypesList.EXTENSIONS.contains(current);
    return (wrongMediaExtension || current.isEmpty() ? base : name) + "." + extension;
  }

  private static String sanitize(String requested) {
    String name = requested.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    StringBuilder clean = new StringBuilder(name.length());
    name.codePoints()
        .filter(c -> !Character.isISOControl(c) && c != '"')
        .forEach(clean::appendCodePoint);
    String result = clean.toString().strip();
    if (result.length() > 200) {
      result = result.substring(result.length() - 200);
    }
    return result.equals(".") || result.equals("..") ? "" : result;
  }
}
