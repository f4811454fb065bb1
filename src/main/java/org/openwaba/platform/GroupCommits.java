package org.openwaba.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates {@link GroupCommitter}s configured from {@link PlatformProperties}, and closes them. */
@Component
public class GroupCommits implements DisposableBean {

  private final PlatformProperties properties;
  private final TransactionTemplate transactions;
  private final List<GroupCommitter<?>> committers = new CopyOnWriteArrayList<>();

  private final MeterRegistry registry;

  GroupCommits(
      PlatformProperties properties, TransactionTemplate transactions, MeterRegistry registry) {
    this.properties = properties;
    this.transactions = transactions;
    this.registry = registry;
  }

  /**
   * A new committer whose writer thread calls {@code batchWriter} inside a read-write transaction.
   */
  public <T> GroupCommitter<T> create(String name, Consumer<List<T>> batchWriter) {
    GroupCommitter<T> committer =
        new GroupCommitter<>(
            name,
            properties.groupCommitMaxBatch(),
            properties.groupCommitQueueCapacity(),
            properties.groupCommitTimeout(),
            properties.groupCommitLinger(),
            batchWriter,
            transactions,
            registry);
    committers.add(committer);
    return committer;
  }

  @Override
  public void destroy() {
    committers.forEach(GroupCommitter::close);
  }
}
