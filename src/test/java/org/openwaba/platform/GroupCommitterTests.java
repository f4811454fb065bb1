package org.openwaba.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Group commit on a real SQLite file: batching, isolation of a bad item, and refusals. */
class GroupCommitterTests {

  private SingleConnectionDataSource dataSource;
  private JdbcClient jdbc;
  private TransactionTemplate transactions;
  private final List<GroupCommitter<?>> committers = new ArrayList<>();

  @BeforeEach
  void database() {
    dataSource = new SingleConnectionDataSource(TestDatabases.newSqliteUrl(), true);
    jdbc = JdbcClient.create(dataSource);
    jdbc.sql("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL)").update();
    transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
  }

  @AfterEach
  void close() {
    committers.forEach(GroupCommitter::close);
    dataSource.destroy();
  }

  private GroupCommitter<Integer> committer(int queueCapacity, List<Integer> batchSizes) {
    GroupCommitter<Integer> committer =
        new GroupCommitter<>(
            "test",
            64,
            queueCapacity,
            Duration.ofSeconds(10),
            Duration.ZERO,
            batch -> {
              batchSizes.add(batch.size());
              for (Integer id : batch) {
                if (id < 0) {
                  throw new IllegalArgumentException("negative id " + id);
                }
                jdbc.sql("INSERT INTO item (id, name) VALUES (?, ?)").params(id, "n" + id).update();
              }
            },
            transactions,
            new SimpleMeterRegistry());
    committers.add(committer);
    return committer;
  }

  private long rows() {
    return jdbc.sql("SELECT COUNT(*) FROM item").query(Long.class).single();
  }

  @Test
  void commitsEverySubmittedItemBeforeReturning() throws Exception {
    List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
    GroupCommitter<Integer> committer = committer(10_000, batchSizes);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      int id = i;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                committer.submit(id);
                return null;
              }));
    }
    start.countDown();
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    assertThat(rows()).isEqualTo(2_000);
    assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(2_000);
    assertThat(batchSizes).as("concurrent submits share transactions").anyMatch(size -> size > 1);
  }

  @Test
  void failsOnlyTheBadItemOfABatch() throws Exception {
    GroupCommitter<Integer> committer = committer(10_000, new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> good = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      int id = i;
      good.add(
          pool.submit(
              () -> {
                start.await();
                committer.submit(id);
                return null;
              }));
    }
    Future<?> bad =
        pool.submit(
            () -> {
              start.await();
              committer.submit(-1);
              return null;
            });
    start.countDown();
    for (Future<?> future : good) {
      future.get();
    }
    assertThatThrownBy(bad::get).hasRootCauseMessage("negative id -1");
    pool.shutdown();
    assertThat(rows()).isEqualTo(50);
  }

  @Test
  void refusesWithServiceUnavailableWhenClosed() {
    GroupCommitter<Integer> committer = committer(10, new ArrayList<>());
    committer.close();
    assertThatThrownBy(() -> committer.submit(1))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasFieldOrPropertyWithValue("errorCode", ErrorCode.UNAVAILABLE);
  }

  @Test
  void answersWithServiceUnavailableAfterTheTimeoutAndDropsItemsStillQueued() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<Integer> written = java.util.Collections.synchronizedList(new ArrayList<>());
    GroupCommitter<Integer> committer =
        new GroupCommitter<>(
            "slow",
            1,
            10,
            Duration.ofMillis(200),
            Duration.ZERO,
            batch -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              written.addAll(batch);
            },
            transactions,
            new SimpleMeterRegistry());
    committers.add(committer);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> inBatch = pool.submit(() -> committer.submit(1));
      Thread.sleep(50);
      Future<?> queued = pool.submit(() -> committer.submit(2));

      assertThatThrownBy(() -> inBatch.get(5, java.util.concurrent.TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(ServiceUnavailableException.class)
          .hasFieldOrPropertyWithValue(
              "details", "The store did not confirm the write within 200 ms");
      assertThatThrownBy(() -> queued.get(5, java.util.concurrent.TimeUnit.SECONDS))
          .hasCauseInstanceOf(ServiceUnavailableException.class);
      release.countDown();
      org.awaitility.Awaitility.await().until(() -> written.contains(1));
      Thread.sleep(100);
      assertThat(written).containsExactly(1);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }

  @Test
  void lingersAfterTheFirstWriteSoThatTheNextOneJoinsItsBatch() throws Exception {
    List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
    GroupCommitter<Integer> committer =
        new GroupCommitter<>(
            "lingering",
            64,
            10,
            Duration.ofSeconds(10),
            Duration.ofMillis(300),
            batch -> {
              batchSizes.add(batch.size());
              batch.forEach(
                  id ->
                      jdbc.sql("INSERT INTO item (id, name) VALUES (?, ?)")
                          .params(id, "n" + id)
                          .update());
            },
            transactions,
            new SimpleMeterRegistry());
    committers.add(committer);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<?> first = pool.submit(() -> committer.submit(1));
      Thread.sleep(30);
      Future<?> second = pool.submit(() -> committer.submit(2));
      first.get();
      second.get();
    } finally {
      pool.shutdownNow();
    }

    assertThat(batchSizes).containsExactly(2);
    assertThat(rows()).isEqualTo(2);
  }
}
