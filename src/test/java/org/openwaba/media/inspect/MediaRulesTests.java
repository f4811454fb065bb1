package org.openwaba.media.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openwaba.media.MediaKind;
import org.openwaba.media.MediaRejectedException;
import org.openwaba.media.MediaTypes;

class MediaRulesTests {

  private static Inspection of(String type) {
    return Inspection.of(type);
  }

  private static String firstType(MediaKind kind) {
    return kind.mimeTypes().iterator().next();
  }

  @ParameterizedTest
  @EnumSource(MediaKind.class)
  void acceptsTheLastAllowedSizeAndRefusesOneByteMore(MediaKind kind) {
    Inspection inspection =
        kind == MediaKind.STICKER ? of(MediaTypes.WEBP).asAnimated() : of(firstType(kind));
    assertThat(MediaRules.check(kind, inspection, kind.maxBytes())).isEqualTo(kind);
    assertThatThrownBy(() -> MediaRules.check(kind, inspection, kind.maxBytes() + 1))
        .isInstanceOfSatisfying(
            MediaRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(MediaRejectedException.Reason.TOO_LARGE);
              assertThat(e.details()).contains(String.format("%,d", kind.maxBytes()));
            });
  }

  @Test
  void theSeedsLimitsAreDecimalMegabytes() {
    assertThat(MediaKind.IMAGE.maxBytes()).isEqualTo(5_000_000);
    assertThat(MediaKind.VIDEO.maxBytes()).isEqualTo(16_000_000);
    assertThat(MediaKind.AUDIO.maxBytes()).isEqualTo(16_000_000);
    assertThat(MediaKind.DOCUMENT.maxBytes()).isEqualTo(100_000_000);
  }

  @Test
  void aStaticStickerIsLimitedTo100KbAndAnAnimatedOneTo500Kb() {
    assertThat(MediaRules.check(MediaKind.STICKER, of(MediaTypes.WEBP), 100_000))
        .isEqualTo(MediaKind.STICKER);
    assertThatThrownBy(() -> MediaRules.check(MediaKind.STICKER, of(MediaTypes.WEBP), 100_001))
        .hasMessageContaining("cannot be used")
        .extracting(e -> ((MediaRejectedException) e).details())
        .asString()
        .contains("static sticker");
    assertThat(MediaRules.check(MediaKind.STICKER, of(MediaTypes.WEBP).asAnimated(), 500_000))
        .isEqualTo(MediaKind.STICKER);
  }

  @Test
  void aMismatchNamesWhatWasFound() {
    assertThatThrownBy(() -> MediaRules.check(MediaKind.VIDEO, of(MediaTypes.PNG), 100))
        .isInstanceOfSatisfying(
            MediaRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(MediaRejectedException.Reason.WRONG_TYPE);
              assertThat(e.details())
                  .contains("the file is image/png (image), not video")
                  .contains("video/mp4");
            });
    assertThatThrownBy(
            () -> MediaRules.check(MediaKind.DOCUMENT, of("application/x-msdownload"), 100))
        .extracting(e -> ((MediaRejectedException) e).details())
        .asString()
        .contains("application/x-msdownload, not document");
  }

  @Test
  void anUploadTakesTheKindOfItsDetectedType() {
    assertThat(MediaRules.check(null, of(MediaTypes.OGG), 10)).isEqualTo(MediaKind.AUDIO);
    assertThatThrownBy(() -> MediaRules.check(null, of("text/html"), 10))
        .extracting(e -> ((MediaRejectedException) e).details())
        .asString()
        .contains("text/html, which is not a supported media type");
  }

  @Test
  void aTruncatedFileIsRefusedWithTheReason() {
    assertThatThrownBy(
            () -> MediaRules.check(MediaKind.IMAGE, of(MediaTypes.PNG).truncated("no IEND"), 10))
        .extracting(e -> ((MediaRejectedException) e).details())
        .asString()
        .contains("truncated")
        .contains("no IEND");
  }

  @Test
  void documentFilenamesCarryTheExtensionOfTheDetectedType() {
    assertThat(MediaRules.filename("report.pdf", MediaTypes.PDF, "x")).isEqualTo("report.pdf");
    assertThat(MediaRules.filename("report", MediaTypes.PDF, "x")).isEqualTo("report.pdf");
    assertThat(MediaRules.filename("report.docx", MediaTypes.PDF, "x")).isEqualTo("report.pdf");
    assertThat(MediaRules.filename("report.v2", MediaTypes.XLSX, "x")).isEqualTo("report.v2.xlsx");
    assertThat(MediaRules.filename("../../etc/passwd", MediaTypes.TEXT, "x"))
        .isEqualTo("passwd.txt");
    assertThat(MediaRules.filename(null, MediaTypes.PPTX, "document-12"))
        .isEqualTo("document-12.pptx");
    assertThat(MediaRules.filename("photo.JPEG", MediaTypes.JPEG, "x")).isEqualTo("photo.JPEG");
  }
}
