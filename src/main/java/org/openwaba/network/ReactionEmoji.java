package org.openwaba.network;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.JsonFields;
import tools.jackson.databind.JsonNode;

/**
 * The rule for a reaction's emoji (reference/cloud-api.md §2.9, §4.4), whichever side reacts: the
 * business through either API door, or a sandbox device. A reaction is exactly one emoji, or the
 * empty string, which removes the reactor's reaction.
 *
 * <p>"One emoji" is one of Unicode's recommended-for-interchange emoji (the {@code RGI_Emoji}
 * property of strings, as ICU4J knows it), which is the set WhatsApp's keyboards offer: single
 * pictographs, skin-tone variants, ZWJ sequences such as families, flags and keycaps, each as one
 * string. A lone pictograph typed without its emoji variation selector ({@code ❤} rather than
 * {@code ❤️}) is accepted too, since many keyboards send it so; digits, {@code #} and {@code *}
 * alone are not, although Unicode gives them the Emoji property, because they are text. Two emoji,
 * text around an emoji, or surrounding spaces are refused.
 */
public final class ReactionEmoji {

  /**
   * Well above the longest RGI sequence (a kiss with two skin tones, 15 UTF-16 units in Emoji 16):
   * a longer string is refused before it is looked up.
   */
  static final int MAX_LENGTH = 64;

  private ReactionEmoji() {}

  /**
   * The emoji at {@code path}, or {@code ""} for a removal.
   *
   * @throws org.openwaba.platform.InvalidRequestException 131008 when absent, 131009 when not a
   *     string or not exactly one emoji
   */
  public static String require(@Nullable JsonNode node, String path) {
    if (JsonFields.absent(node)) {
      throw JsonFields.missing(path);
    }
    if (!node.isString()) {
      throw JsonFields.invalid(path, path + " must be a string: one emoji, or \"\" to remove");
    }
    String emoji = node.stringValue();
    if (!emoji.isEmpty() && !isOneEmoji(emoji)) {
      throw JsonFields.invalid(
          path,
          path
              + " must be exactly one emoji (such as 👍, 👍🏽, 🇩🇪 or 👩‍👩‍👧), or \"\" to remove the"
              + " reaction");
    }
    return emoji;
  }

  /** Whether {@code text} is exactly one emoji, by the rule above. */
  public static boolean isOneEmoji(String text) {
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      return false;
    }
    if (UCharacter.hasBinaryProperty(text, UProperty.RGI_EMOJI)) {
      return true;
    }
    int codePoint = text.codePointAt(0);
    return Character.charCount(codePoint) == text.length()
        && UCharacter.hasBinaryProperty(codePoint, UProperty.EMOJI)
        && !UCharacter.hasBinaryProperty(codePoint, UProperty.EMOJI_COMPONENT);
  }
}
