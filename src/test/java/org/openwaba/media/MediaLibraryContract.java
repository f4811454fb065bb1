package org.openwaba.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.media.store.MediaStorage;
import org.openwaba.platform.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The media library with its metadata store and file storage on a real database; run on SQLite and
 * PostgreSQL. Media ids live five seconds here, so that expiry can be watched.
 */
@TestPropertySource(properties = "openwaba.media.retention=5s")
abstract class MediaLibraryContract {

  @Autowired MediaLibrary library;
  @Autowired MediaStorage storage;
  @Autowired Ids ids;

  private AccountId account() {
    return new AccountId(ids.numericId());
  }

  private Media upload(AccountId account, byte[] bytes, String name) {
    return library.upload(account, new ByteArrayInputStream(bytes), name, null);
  }

  @Test
  void storesTheSameContentOnceAndKeepsItUntilItsLastMediaIsDeleted() throws IOException {
    byte[] png = SampleFiles.png(31, 17);
    AccountId first = account();
    AccountId second = account();
    Media a = upload(first, png, "a.png");
    Media b = upload(second, png, "b.png");

    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(a.sha256()).isEqualTo(b.sha256());
    assertThat(library.get(first, a.id())).isEqualTo(a);

    library.delete(first, a.id());
    assertThat(storage.contains(b.sha256())).isTrue();
    assertThat(library.content(second, b.id()).bytes().getContentAsByteArray()).isEqualTo(png);

    library.delete(second, b.id());
    assertThat(storage.contains(b.sha256())).isFalse();
  }

  @Test
  void mediaIsScopedToItsAccount() {
    Media media = upload(account(), SampleFiles.jpeg(5, 5), "x.jpg");
    AccountId other = account();
    assertThatThrownBy(() -> library.get(other, media.id()))
        .isInstanceOf(MediaNotFoundException.class);
    assertThatThrownBy(() -> library.delete(other, media.id()))
        .isInstanceOf(MediaNotFoundException.class);
    assertThatThrownBy(() -> library.requireForSending(other, media.id(), MediaKind.IMAGE))
        .isInstanceOf(MediaNotFoundException.class);
  }

  @Test
  void aMediaIdOfAnotherKindCannotBeSentAsThisKind() {
    AccountId account = account();
    Media image = upload(account, SampleFiles.png(3, 3), "p.png");
    assertThatThrownBy(() -> library.requireForSending(account, image.id(), MediaKind.VIDEO))
        .isInstanceOfSatisfying(
            MediaRejectedException.class,
            e -> assertThat(e.details()).contains("image/png (image), not video"));
    assertThat(library.requireForSending(account, image.id(), MediaKind.IMAGE)).isEqualTo(image);
  }

  @Test
  void expiredMediaIsNotFoundRefusedForSendingAndDeletedWithItsFile() {
    AccountId account = account();
    Media media = upload(account, SampleFiles.pdfOfSize(4321), "expiring.pdf");
    assertThat(media.expiresAt()).isEqualTo(media.createdAt().plusSeconds(5));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> library.get(account, media.id()))
                    .isInstanceOf(MediaNotFoundException.class));
    assertThatThrownBy(() -> library.requireForSending(account, media.id(), MediaKind.DOCUMENT))
        .isInstanceOfSatisfying(
            MediaRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(MediaRejectedException.Reason.EXPIRED);
              assertThat(e.details()).contains("expired");
            });

    assertThat(library.deleteExpired(1000)).isPositive();

    assertThat(storage.contains(media.sha256())).isFalse();
    assertThatThrownBy(() -> library.requireForSending(account, media.id(), MediaKind.DOCUMENT))
        .isInstanceOf(MediaNotFoundException.class);
  }
}
