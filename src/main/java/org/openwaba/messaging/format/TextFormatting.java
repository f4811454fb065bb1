package org.openwaba.messaging.format;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openwaba.network.TextSpan;
import org.openwaba.network.TextStyle;

/**
 * Parses the formatting markers WhatsApp recognises in a text message into the list of styled spans
 * the message displays as. A pure function, thread-safe, that never throws for any string.
 *
 * <p>The rules follow WhatsApp's own behaviour:
 *
 * <ul>
 *   <li>{@code *bold*}, {@code _italic_}, {@code ~strikethrough~} and {@code ```monospace```}
 *       (three backticks on each side; a single backtick is plain text).
 *   <li>A pair formats only when balanced: the opening marker is followed by a non-whitespace
 *       character, the closing marker is preceded by one, and the content between them is not
 *       empty. {@code * not bold *} and {@code **} stay plain.
 *   <li>Markers must sit at word boundaries: an opening marker is at the start of the text or
 *       preceded by a character that is not a letter or digit, and a closing marker is at the end
 *       or followed by one. {@code a*b*c} and {@code snake_case_name} stay plain, {@code (*bold*)}
 *       and {@code *bold*,} format. Letters and digits are those of every script, by code point. A
 *       combining mark counts as the character it is written on, so a marker after an Indic vowel
 *       sign is inside a word while one after an emoji's variation selector is not.
 *   <li>Bold, italic and strikethrough never cross a line break, not even through a monospace run
 *       that does; monospace may span lines.
 *   <li>Different styles nest: {@code *_both_*} is bold and italic at once. An opening marker pairs
 *       with the nearest closing marker of its kind after it, so a style never nests inside itself:
 *       {@code *a *b* c*} makes {@code a *b} bold and leaves the rest plain. A pair whose closing
 *       marker would fall outside the pair it starts in stays plain, which keeps styles properly
 *       nested: in {@code *bold _both* italic_} only the bold pair formats.
 *   <li>Monospace is found first and its content is literal: markers inside it are text, and no
 *       other pair may open or close inside it, though a monospace run may sit inside another
 *       style.
 *   <li>Anything that does not form a pair is plain text.
 * </ul>
 *
 * <p>Work is done in code points, so a surrogate pair is never split and a lone surrogate is just
 * another non-letter character. Parsing takes time linear in the length of the text.
 */
public final class TextFormatting {

  private static final String INLINE_MARKERS = "*_~";
  private static final TextStyle[] INLINE_STYLES = {
    TextStyle.BOLD, TextStyle.ITALIC, TextStyle.STRIKETHROUGH
  };
  private static final int FENCE_CHAR = '`';
  private static final int FENCE_LENGTH = 3;

  /** Every combination of styles, indexed by its bit mask, so spans share their sets. */
  private static final List<Set<TextStyle>> STYLE_SETS = styleSets();

  private TextFormatting() {}

  /**
   * Splits a message into its styled spans.
   *
   * @param text the message as sent, markers included
   * @return the spans in order, unmodifiable; their texts concatenated give the message without the
   *     markers consumed as formatting, adjacent spans have different styles, and an empty text
   *     gives an empty list
   */
  public static List<TextSpan> parse(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    return new Parser(text.codePoints().toArray()).parse();
  }

  private static int bit(TextStyle style) {
    return 1 << style.ordinal();
  }

  private static List<Set<TextStyle>> styleSets() {
    TextStyle[] styles = TextStyle.values();
    List<Set<TextStyle>> sets = new ArrayList<>(1 << styles.length);
    for (int mask = 0; mask < 1 << styles.length; mask++) {
      Set<TextStyle> set = EnumSet.noneOf(TextStyle.class);
      for (TextStyle style : styles) {
        if ((mask & bit(style)) != 0) {
          set.add(style);
        }
      }
      sets.add(Set.copyOf(set));
    }
    return List.copyOf(sets);
  }

  private static boolean isWhitespace(int codePoint) {
    // isSpaceChar adds the no-break spaces, which Character.isWhitespace leaves out.
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  /** The line terminators of {@code \R} in {@link java.util.regex.Pattern}. */
  private static boolean isLineBreak(int codePoint) {
    return (codePoint >= '\n' && codePoint <= '\r')
        || codePoint == 0x85
        || codePoint == 0x2028
        || codePoint == 0x2029;
  }

  private static boolean isMark(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  /**
   * One parse. Everything is indexed by code point; each array is filled in one pass so the whole
   * parse stays linear however the markers are arranged.
   */
  private static final class Parser {

    private final int[] cps;
    private final int length;

    /** At a monospace opening fence, the index just past its closing fence; 0 elsewhere. */
    private final int[] fenceEnd;

    /**
     * Per inline marker, the first index at or after each position holding a valid closing marker
     * of that kind outside monospace, or {@code length} if there is none.
     */
    private final int[][] nextCloser;

    /** The first index at or after each position holding a line break, or {@code length}. */
    private final int[] nextLineBreak;

    private final SpanCollector out;

    Parser(int[] cps) {
      this.cps = cps;
      this.length = cps.length;
      this.fenceEnd = new int[length];
      this.nextCloser = new int[INLINE_MARKERS.length()][length + 1];
      this.nextLineBreak = new int[length + 1];
      this.out = new SpanCollector(cps);
    }

    List<TextSpan> parse() {
      boolean[] literal = findMonospace();
      indexClosersAndLineBreaks(literal);
      scan(0, length, 0);
      return out.finish();
    }

    /**
     * Pairs fences before anything else because monospace content hides every other marker. Each
     * opening fence takes the nearest closing fence leaving non-empty content; a closing fence is
     * valid whatever opened it, so once an opener finds none, no later one can.
     *
     * @return which positions lie inside a monospace run, fences included
     */
    private boolean[] findMonospace() {
      int[] closers = new int[length];
      int closerCount = 0;
      for (int j = 1; j + FENCE_LENGTH <= length; j++) {
        if (isFence(j) && canCloseFence(j)) {
          closers[closerCount++] = j;
        }
      }
      boolean[] literal = new boolean[length];
      int next = 0;
      int i = 0;
      while (i + FENCE_LENGTH < length && next < closerCount) {
        if (isFence(i) && canOpenFence(i)) {
          while (next < closerCount && closers[next] <= i + FENCE_LENGTH) {
            next++;
          }
          if (next == closerCount) {
            break;
          }
          int end = closers[next] + FENCE_LENGTH;
          fenceEnd[i] = end;
          for (int k = i; k < end; k++) {
            literal[k] = true;
          }
          i = end;
        } else {
          i++;
        }
      }
      return literal;
    }

    private void indexClosersAndLineBreaks(boolean[] literal) {
      for (int[] closers : nextCloser) {
        closers[length] = length;
      }
      nextLineBreak[length] = length;
      for (int j = length - 1; j >= 0; j--) {
        int closerKind = literal[j] || !canClose(j) ? -1 : INLINE_MARKERS.indexOf(cps[j]);
        for (int m = 0; m < nextCloser.length; m++) {
          nextCloser[m][j] = m == closerKind ? j : nextCloser[m][j + 1];
        }
        nextLineBreak[j] = isLineBreak(cps[j]) ? j : nextLineBreak[j + 1];
      }
    }

    /**
     * Emits {@code [from, to)} with {@code styles} plus whatever pairs it contains. Recursion only
     * enters a pair of a style not already applied, so it is at most three levels deep.
     */
    private void scan(int from, int to, int styles) {
      int plainFrom = from;
      int i = from;
      while (i < to) {
        if (fenceEnd[i] > 0) {
          out.append(plainFrom, i, styles);
          out.append(
              i + FENCE_LENGTH, fenceEnd[i] - FENCE_LENGTH, styles | bit(TextStyle.MONOSPACE));
          i = fenceEnd[i];
          plainFrom = i;
          continue;
        }
        int kind = INLINE_MARKERS.indexOf(cps[i]);
        if (kind >= 0 && (styles & bit(INLINE_STYLES[kind])) == 0 && canOpen(i)) {
          // i + 2 leaves room for at least one code point of content.
          int close = nextCloser[kind][Math.min(i + 2, length)];
          if (close < to && close < nextLineBreak[i]) {
            out.append(plainFrom, i, styles);
            scan(i + 1, close, styles | bit(INLINE_STYLES[kind]));
            i = close + 1;
            plainFrom = i;
            continue;
          }
        }
        i++;
      }
      out.append(plainFrom, to, styles);
    }

    private boolean canOpen(int i) {
      return startsWord(i) && i + 1 < length && !isWhitespace(cps[i + 1]);
    }

    private boolean canClose(int j) {
      return j > 0 && !isWhitespace(cps[j - 1]) && endsWord(j + 1);
    }

    private boolean isFence(int i) {
      return i + FENCE_LENGTH <= length
          && cps[i] == FENCE_CHAR
          && cps[i + 1] == FENCE_CHAR
          && cps[i + 2] == FENCE_CHAR;
    }

    private boolean canOpenFence(int i) {
      return startsWord(i) && i + FENCE_LENGTH < length && !isWhitespace(cps[i + FENCE_LENGTH]);
    }

    private boolean canCloseFence(int j) {
      return j > 0 && !isWhitespace(cps[j - 1]) && endsWord(j + FENCE_LENGTH);
    }

    /**
     * Whether a marker at {@code i} is not glued to a word before it. Combining marks are skipped
     * to judge by the character they modify; the walk stops at the first character that is not a
     * mark, so a run of marks is walked only by the marker right after it, keeping the parse
     * linear.
     */
    private boolean startsWord(int i) {
      int k = i - 1;
      while (k >= 0 && isMark(cps[k])) {
        k--;
      }
      return k < 0 || !Character.isLetterOrDigit(cps[k]);
    }

    /** Whether the character at {@code k}, just after a marker, is not the start of a word. */
    private boolean endsWord(int k) {
      return k >= length || !Character.isLetterOrDigit(cps[k]);
    }
  }

  /** Builds spans, merging runs whose styles match the run before them. */
  private static final class SpanCollector {

    private final int[] cps;
    private final List<TextSpan> spans = new ArrayList<>();
    private final StringBuilder run = new StringBuilder();
    private int runStyles;

    SpanCollector(int[] cps) {
      this.cps = cps;
    }

    void append(int from, int to, int styles) {
      if (from >= to) {
        return;
      }
      if (styles != runStyles) {
        flush();
        runStyles = styles;
      }
      for (int k = from; k < to; k++) {
        run.appendCodePoint(cps[k]);
      }
    }

    List<TextSpan> finish() {
      flush();
      return Collections.unmodifiableList(spans);
    }

    private void flush() {
      if (run.length() > 0) {
        spans.add(new TextSpan(run.toString(), STYLE_SETS.get(runStyles)));
        run.setLength(0);
      }
    }
  }
}
