package org.openwaba.media.cleanup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.media.Media;
import org.openwaba.media.MediaKind;
import org.openwaba.media.MediaLibrary;
import org.openwaba.media.MediaNotFoundException;
import org.openwaba.media.SampleFiles;
import org.openwaba.media.config.MediaProperties;
import org.openwaba.media.store.MediaStorage;
import org.openwaba.platform.Ids;
import org.openwaba.testing.SqliteTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The background job deletes expired media, rows and files, and abandoned temporary files, without
 * being called.
 */
@SqliteTest
@TestPropertySource(
    properties = {"openwaba.media.retention=1s", "openwaba.media.cleanup-interval=300ms"})
class SqliteExpiredMediaCleanerTests {

  @Autowired MediaLibrary library;
  @Autowired MediaStorage storage;
  @Autowired Ids ids;
  @Autowired MediaProperties properties;

  @Test
  void deletesTemporaryFilesThatADeadTransferLeftBehind() throws Exception {
    Path tmp = properties.storageDirectory().toAbsolutePath().normalize().resolve("tmp");
    Path abandoned = Files.createTempFile(tmp, "incoming-", ".part");
    Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
    Path live = Files.createTempFile(tmp, "incoming-", ".part");

    await().atMost(Duration.ofSeconds(15)).until(() -> !Files.exists(abandoned));
    assertThat(live).exists();
  }

  @Test
  void deletesExpiredMediaAndItsFileInTheBackground() {
    AccountId account = new AccountId(ids.numericId());
    Media media =
        library.upload(
            account, new ByteArrayInputStream(SampleFiles.pdfOfSize(9876)), "old.pdf", null);
    assertThat(storage.contains(media.sha256())).isTrue();

    await().atMost(Duration.ofSeconds(15)).until(() -> !storage.contains(media.sha256()));

    // The row is gone too: an expired row still present would answer "expired" instead.
    assertThatThrownBy(() -> library.requireForSending(account, media.id(), MediaKind.DOCUMENT))
        .isInstanceOf(MediaNotFoundException.class);
  }
}
