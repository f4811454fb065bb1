package org.openwaba.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.media.MediaRejectedException.Reason;
import org.openwaba.media.config.MediaProperties;
import org.openwaba.media.fetch.MediaDownloader;
import org.openwaba.media.inspect.ContentInspector;
import org.openwaba.media.inspect.Inspection;
import org.openwaba.media.inspect.MediaRules;
import org.openwaba.media.store.ContentLocks;
import org.openwaba.media.store.MediaStaging;
import org.openwaba.media.store.MediaStorage;
import org.openwaba.media.store.MediaStore;
import org.openwaba.media.store.StagedFile;
import org.openwaba.platform.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each account's media: uploads, downloads from URLs, metadata, contents and deletion. Thread-safe.
 *
 * <p>Every file goes through the same path: its bytes stream to a temporary file while they are
 * hashed and counted (never held in memory), its type is detected from the bytes, the seed's rules
 * for that type are checked ({@link MediaKind}), and it is stored once per distinct content under
 * its SHA-256. Each upload or fetch gets its own media id, which expires after {@code
 * openwaba.media.retention} (30 days). Ids are scoped by account: another account's id is not
 * found.
 *
 * <p>No database transaction is open while bytes move, so a slow upload or media host never holds
 * the SQLite write lock.
 */
@Service
public class MediaLibrary {

  private final MediaStaging staging;
  private final MediaDownloader downloader;
  private final ContentInspector inspector;
  private final MediaStorage storage;
  private final MediaStore store;
  private final ContentLocks locks;
  private final TransactionTemplate transactions;
  private final MediaProperties properties;
  private final Ids ids;
  private final Clock clock;

  MediaLibrary(
      MediaStaging staging,
      MediaDownloader downloader,
      ContentInspector inspector,
      MediaStorage storage,
      MediaStore store,
      ContentLocks locks,
      TransactionTemplate transactions,
      MediaProperties properties,
      Ids ids,
      Clock clock) {
    this.staging = staging;
    this.downloader = downloader;
    this.inspector = inspector;
    this.storage = storage;
    this.store = store;
    this.locks = locks;
    this.transactions = transactions;
    this.properties = properties;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Stores an uploaded file; its kind follows from its detected type.
   *
   * @param filename the name the client gave the file, if any
   * @param declaredType the content type the client declared, if any; it must match the bytes
   *     (aliases such as {@code image/jpg} and {@code video/3gp} are accepted)
   * @throws MediaRejectedException (131053) if the file is empty, over its type's limit, of an
   *     unsupported type or another type than declared, or truncated
   */
  public Media upload(
      AccountId accountId,
      InputStream bytes,
      @Nullable String filename,
      @Nullable String declaredType) {
    StagedFile staged;
    try {
      staged = staging.stage(bytes, MediaKind.largestMaxBytes());
    } catch (MediaStaging.TooLargeException e) {
      throw MediaRules.tooLarge(
          MediaKind.DOCUMENT, e.limit(), " for any media type", "larger than the limit");
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the upload", e);
    }
    try (staged) {
      Inspection inspection = inspect(staged);
      if (declaredType != null && !declaredType.isBlank()) {
        String declared = MediaTypes.canonical(declaredType);
        if (!declared.equals(inspection.mimeType())) {
          throw new MediaRejectedException(
              Reason.WRONG_TYPE,
              "the file is " + inspection.mimeType() + ", not " + declared + " as declared");
        }
      }
      MediaKind kind = MediaRules.check(null, inspection, staged.size());
      return save(accountId, kind, inspection, staged, filename);
    } catch (IOException e) {
      throw new UncheckedIOException("could not store the upload", e);
    }
  }

  /**
   * Downloads {@code url} for use as {@code kind} and stores it, streaming (see {@link
   * MediaDownloader}). The filename is the URL's last path segment, with the extension of the
   * detected type.
   *
   * @throws MediaRejectedException (131053) if the URL is refused (not https, a non-public address,
   *     too many redirects), the host is unreachable or times out, or the file breaks a rule of
   *     {@code kind}; the details name the cause
   */
  public Media fetch(AccountId accountId, MediaKind kind, URI url) {
    try (StagedFile staged = downloader.download(url, kind)) {
      Inspection inspection = inspect(staged);
      MediaRules.check(kind, inspection, staged.size());
      return save(accountId, kind, inspection, staged, lastSegment(url));
    } catch (IOException e) {
      throw new UncheckedIOException("could not store the fetched media", e);
    }
  }

  /**
   * The account's media with this id.
   *
   * @throws MediaNotFoundException (404) if there is none, it expired, or it is another account's
   */
  public Media get(AccountId accountId, MediaId id) {
    return find(accountId, id).orElseThrow(() -> new MediaNotFoundException(id.toString()));
  }

  /**
   * The account's media with this id; empty if there is none, it expired, or it is another
   * account's.
   */
  public Optional<Media> find(AccountId accountId, MediaId id) {
    Instant now = clock.instant();
    return store.find(accountId, id).filter(media -> media.expiresAt().isAfter(now));
  }

  /**
   * The account's media with this id, for a message of {@code kind}.
   *
   * @throws MediaNotFoundException (404) if there is none or it is another account's
   * @throws MediaRejectedException (131053) if it expired, or was stored as another kind
   */
  public Media requireForSending(AccountId accountId, MediaId id, MediaKind kind) {
    Media media =
        store.find(accountId, id).orElseThrow(() -> new MediaNotFoundException(id.toString()));
    if (!media.expiresAt().isAfter(clock.instant())) {
      throw new MediaRejectedException(
          Reason.EXPIRED,
          "media id " + id + " expired at " + media.expiresAt() + "; upload the file again");
    }
    if (media.kind() != kind) {
      throw new MediaRejectedException(
          Reason.WRONG_TYPE,
          "media id "
              + id
              + " is "
              + media.mimeType()
              + " ("
              + media.kind().apiName()
              + "), not "
              + kind.apiName());
    }
    return media;
  }

  /**
   * The account's media with its bytes.
   *
   * @throws MediaNotFoundException (404) if there is none, it expired, or it is another account's
   */
  public MediaContent content(AccountId accountId, MediaId id) {
    Media media = get(accountId, id);
    try {
      return new MediaContent(media, storage.read(media.sha256()));
    } catch (IOException e) {
      throw new MediaNotFoundException(id.toString());
    }
  }

  /**
   * Deletes the account's media; its file goes too unless other media has the same content.
   *
   * @throws MediaNotFoundException (404) if there is none, it expired, or it is another account's
   */
  public void delete(AccountId accountId, MediaId id) {
    get(accountId, id);
    Optional<Media> deleted = transactions.execute(status -> store.delete(accountId, id));
    if (deleted != null && deleted.isPresent()) {
      release(deleted.get().sha256());
    }
  }

  /**
   * Deletes up to {@code max} media whose ids expired, of every account, with their files where no
   * other media shares the content. Run by the cleanup job every {@code
   * openwaba.media.cleanup-interval}; safe to run concurrently with itself and with uploads.
   *
   * @return how many media were deleted
   */
  public int deleteExpired(int max) {
    List<Media> expired = store.expired(clock.instant(), max);
    int deleted = 0;
    for (Media media : expired) {
      Boolean gone = transactions.execute(status -> store.deleteRow(media.id()));
      if (Boolean.TRUE.equals(gone)) {
        deleted++;
        release(media.sha256());
      }
    }
    return deleted;
  }

  /** Deletes the stored content unless a row still names it. */
  private void release(String sha256) {
    ReentrantLock lock = locks.of(sha256);
    lock.lock();
    try {
      Boolean referenced = transactions.execute(status -> store.referenced(sha256));
      if (!Boolean.TRUE.equals(referenced)) {
        storage.delete(sha256);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete media content " + sha256, e);
    } finally {
      lock.unlock();
    }
  }

  private Inspection inspect(StagedFile staged) throws IOException {
    if (staged.size() == 0) {
      throw new MediaRejectedException(Reason.EMPTY, "the file is empty (0 bytes)");
    }
    return inspector.inspect(staged.path(), staged.size());
  }

  private Media save(
      AccountId accountId,
      MediaKind kind,
      Inspection inspection,
      StagedFile staged,
      @Nullable String requestedName)
      throws IOException {
    MediaId id = new MediaId(ids.numericId());
    // Milliseconds, as stored, so that what is returned equals what is read back later.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Media media =
        new Media(
            id,
            accountId,
            kind,
            inspection.mimeType(),
            staged.sha256(),
            staged.size(),
            MediaRules.filename(requestedName, inspection.mimeType(), kind.apiName() + "-" + id),
            inspection.width(),
            inspection.height(),
            inspection.duration(),
            inspection.animated(),
            now,
            now.plus(properties.retention()));
    ReentrantLock lock = locks.of(staged.sha256());
    lock.lock();
    try {
      storage.put(staged.sha256(), staged.path());
      transactions.executeWithoutResult(status -> store.insert(media));
    } finally {
      lock.unlock();
    }
    return media;
  }

  private static @Nullable String lastSegment(URI url) {
    String path = url.getPath();
    if (path == null || path.isEmpty() || path.endsWith("/")) {
      return null;
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
