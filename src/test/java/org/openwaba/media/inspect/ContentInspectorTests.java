package org.openwaba.media.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openwaba.media.MediaTypes;
import org.openwaba.media.SampleFiles;

class ContentInspectorTests {

  private final ContentInspector inspector = new ContentInspector();

  @TempDir Path dir;

  private Inspection inspect(byte[] bytes) throws IOException {
    Path file = Files.createTempFile(dir, "sample", ".bin");
    Files.write(file, bytes);
    return inspector.inspect(file, bytes.length);
  }

  @Test
  void detectsEverySupportedTypeFromItsBytes() throws IOException {
    assertThat(inspect(SampleFiles.png(3, 2)).mimeType()).isEqualTo(MediaTypes.PNG);
    assertThat(inspect(SampleFiles.jpeg(3, 2)).mimeType()).isEqualTo(MediaTypes.JPEG);
    assertThat(inspect(SampleFiles.pdf()).mimeType()).isEqualTo(MediaTypes.PDF);
    assertThat(inspect(SampleFiles.text()).mimeType()).isEqualTo(MediaTypes.TEXT);
    assertThat(inspect(SampleFiles.docx()).mimeType()).isEqualTo(MediaTypes.DOCX);
    assertThat(inspect(SampleFiles.xlsx()).mimeType()).isEqualTo(MediaTypes.XLSX);
    assertThat(inspect(SampleFiles.pptx()).mimeType()).isEqualTo(MediaTypes.PPTX);
    assertThat(inspect(SampleFiles.mp4(5, 100)).mimeType()).isEqualTo(MediaTypes.MP4);
    assertThat(inspect(SampleFiles.threeGpp(5)).mimeType()).isEqualTo(MediaTypes.THREE_GPP);
    assertThat(inspect(SampleFiles.mp3()).mimeType()).isEqualTo(MediaTypes.MP3);
    assertThat(inspect(SampleFiles.oggOpus()).mimeType()).isEqualTo(MediaTypes.OGG);
    assertThat(inspect(SampleFiles.webpStatic(512, 512, 2000)).mimeType())
        .isEqualTo(MediaTypes.WEBP);
  }

  @Test
  void anExecutableIsNotAPdfWhateverItsName() throws IOException {
    Inspection inspection = inspect(SampleFiles.executable());
    assertThat(inspection.mimeType()).isNotEqualTo(MediaTypes.PDF).contains("application/");
  }

  @Test
  void aZipWithoutOfficePartsIsJustAZip() throws IOException {
    assertThat(inspect(SampleFiles.officeOpenXml("notes/readme.xml")).mimeType())
        .isEqualTo("application/zip");
  }

  @Test
  void readsImageDimensions() throws IOException {
    Inspection png = inspect(SampleFiles.png(640, 480));
    assertThat(png.width()).isEqualTo(640);
    assertThat(png.height()).isEqualTo(480);
    Inspection jpeg = inspect(SampleFiles.jpeg(300, 200));
    assertThat(jpeg.width()).isEqualTo(300);
    assertThat(jpeg.height()).isEqualTo(200);
  }

  @Test
  void readsStickerSizeAndAnimation() throws IOException {
    Inspection still = inspect(SampleFiles.webpStatic(512, 512, 3000));
    assertThat(still.width()).isEqualTo(512);
    assertThat(still.height()).isEqualTo(512);
    assertThat(still.animated()).isFalse();
    Inspection animated = inspect(SampleFiles.webpAnimated(512, 256, 3000));
    assertThat(animated.animated()).isTrue();
    assertThat(animated.width()).isEqualTo(512);
    assertThat(animated.height()).isEqualTo(256);
  }

  @Test
  void readsVideoDurationFromTheMovieHeader() throws IOException {
    assertThat(inspect(SampleFiles.mp4(42, 100)).duration()).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void readsAConstantBitRateMp3sDurationFromItsBitRate() throws IOException {
    Inspection mp3 = inspect(SampleFiles.mp3(35));
    assertThat(mp3.mimeType()).isEqualTo(MediaTypes.MP3);
    assertThat(mp3.duration()).isEqualTo(Duration.ofSeconds(35));
  }

  @Test
  void readsAVariableBitRateMp3sDurationFromItsXingFrameCount() throws IOException {
    Inspection mp3 = inspect(SampleFiles.mp3Xing(1000));
    assertThat(mp3.mimeType()).isEqualTo(MediaTypes.MP3);
    // 1,000 frames × 1,152 samples ÷ 44,100 Hz
    assertThat(mp3.duration()).isEqualTo(Duration.ofMillis(26_122));
  }

  @Test
  void readsAudioDurationFromTheLastOggPage() throws IOException {
    Inspection ogg = inspect(SampleFiles.oggOpus(41));
    assertThat(ogg.mimeType()).isEqualTo(MediaTypes.OGG);
    assertThat(ogg.duration()).isEqualTo(Duration.ofSeconds(41));
  }

  @Test
  void completeFilesAreNotTruncated() throws IOException {
    for (byte[] file :
        new byte[][] {
          SampleFiles.png(2, 2),
          SampleFiles.jpeg(2, 2),
          SampleFiles.pdf(),
          SampleFiles.docx(),
          SampleFiles.mp4(1, 10),
          SampleFiles.webpStatic(16, 16, 100)
        }) {
      assertThat(inspect(file).truncation()).isNull();
    }
  }

  @Test
  void findsTruncatedFilesOfEveryCheckedType() throws IOException {
    byte[] png = SampleFiles.png(20, 20);
    assertThat(inspect(SampleFiles.truncated(png, png.length - 5)).truncation()).contains("IEND");
    byte[] jpeg = SampleFiles.jpeg(20, 20);
    assertThat(inspect(SampleFiles.truncated(jpeg, jpeg.length - 2)).truncation())
        .contains("end-of-image");
    byte[] pdf = SampleFiles.pdf();
    assertThat(inspect(SampleFiles.truncated(pdf, pdf.length - 8)).truncation()).contains("%%EOF");
    byte[] docx = SampleFiles.docx();
    assertThat(inspect(SampleFiles.truncated(docx, docx.length - 30)).truncation())
        .contains("central directory");
    byte[] mp4 = SampleFiles.mp4(3, 1000);
    assertThat(inspect(SampleFiles.truncated(mp4, mp4.length - 10)).truncation())
        .contains("'mdat' box");
    byte[] webp = SampleFiles.webpStatic(16, 16, 400);
    assertThat(inspect(SampleFiles.truncated(webp, 300)).truncation()).contains("RIFF");
  }
}
