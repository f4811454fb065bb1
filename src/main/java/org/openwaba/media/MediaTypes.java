package org.openwaba.media;

import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openwaba.media.inspect.MediaRules;

/**
 * The content types OpenWABA accepts, spelled as Meta's API reports them, with the file extension
 * each carries.
 */
public final class MediaTypes {

  public static final String JPEG = "image/jpeg";
  public static final String PNG = "image/png";
  public static final String WEBP = "image/webp";
  public static final String MP4 = "video/mp4";
  public static final String THREE_GPP = "video/3gpp";
  public static final String MP3 = "audio/mpeg";
  public static final String OGG = "audio/ogg";
  public static final String PDF = "application/pdf";
  public static final String TEXT = "text/plain";
  public static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String XLSX =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  public static final String PPTX =
      "application/vnd.openxmlformats-officedocument.presentationml.presentation";

  private static final Map<String, String> EXTENSIONS =
      Map.ofEntries(
          Map.entry(JPEG, "jpg"),
          Map.entry(PNG, "png"),
          Map.entry(WEBP, "webp"),
          Map.entry(MP4, "mp4"),
          Map.entry(THREE_GPP, "3gp"),
          Map.entry(MP3, "mp3"),
          Map.entry(OGG, "ogg"),
          Map.entry(PDF, "pdf"),
          Map.entry(TEXT, "txt"),
          Map.entry(DOCX, "docx"),
          Map.entry(XLSX, "xlsx"),
          Map.entry(PPTX, "pptx"));

  /** Spellings clients use for the same types (the SDKs say {@code video/3gp}, for example). */
  private static final Map<String, String> ALIASES =
      Map.of(
          "image/jpg", JPEG,
          "image/pjpeg", JPEG,
          "video/3gp", THREE_GPP,
          "audio/mp3", MP3,
          "audio/opus", OGG,
          "audio/vorbis", OGG);

  private MediaTypes() {}

  /** The extension, without the dot, that a file of this accepted type carries. */
  public static String extensionOf(String mimeType) {
    String extension = EXTENSIONS.get(mimeType);
    if (extension == null) {
      throw new IllegalArgumentException("not an accepted media type: " + mimeType);
    }
    return extension;
  }

  /**
   * A client-given content type in its canonical spelling: lower case, without parameters, aliases
   * resolved ({@code image/jpg} becomes {@code image/jpeg}).
   */
  public static String canonical(String mimeType) {
    String bare = mimeType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return ALIASES.getOrDefault(bare, bare);
  }

  /**
   * The name a file of this accepted type is sent under: {@code requested} if it carries the right
   * extension, otherwise its base name with that extension; {@code fallback} with the extension
   * when nothing usable was requested. Path parts and control characters are removed.
   */
  public static String filename(@Nullable String requested, String mimeType, String fallback) {
    return MediaRules.filename(requested, mimeType, fallback);
  }
}
