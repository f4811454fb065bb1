package org.openwaba.network.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.PhoneNumberId;
import org.openwaba.network.OutboundMedia;
import org.openwaba.network.TextSpan;
import org.openwaba.network.TextStyle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox stores on a real database; run on both. Times lie two centuries ahead, so that the
 * running application's receipt worker, which claims what is due now, never touches these rows.
 */
abstract class SandboxStoreContract {

  static final Instant BASE = Instant.parse("2200-01-01T00:00:00Z");
  static final Instant END_OF_TEST_TIME = Instant.parse("2300-01-01T00:00:00Z");
  static final String DEVICE = "+14155552671";

  @Autowired DeviceStore devices;
  @Autowired ReceivedMessageStore messages;
  @Autowired ReceiptStore receipts;
  @Autowired TransactionTemplate transactions;

  AccountId account;

  @BeforeEach
  void freshAccountAndNoTestReceipts() {
    account = new AccountId(ThreadLocalRandom.current().nextLong(1, 1L << 53));
    while (!claimAndSettle(END_OF_TEST_TIME, 10_000).isEmpty()) {
      // Drains receipts earlier tests left in the far future.
    }
  }

  @Test
  void storesAMessageOnceAndKeepsTheFirstVersion() {
    StoredMessage first = message(account, DEVICE, 1, null);
    StoredMessage second =
        new StoredMessage(
            first.messageId(),
            account,
            DEVICE,
            2,
            first.phoneNumberId(),
            first.from(),
            "text",
            "another body",
            List.of(),
            true,
            "wamid.other",
            BASE,
            BASE,
            BASE,
            BASE);

    assertThat(insert(first)).isTrue();
    assertThat(insert(second)).isFalse();

    assertThat(messages.find(account, DEVICE, first.messageId())).contains(first);
  }

  @Test
  void readsBackEveryField() {
    StoredMessage message =
        new StoredMessage(
            "wamid.fields" + UUID.randomUUID(),
            account,
            DEVICE,
            7,
            new PhoneNumberId(123_456_789_012_345L),
            "+12025550100",
            "text",
            "*Hi* ~there~ 😀",
            List.of(
                new TextSpan("Hi", Set.of(TextStyle.BOLD)),
                new TextSpan(" ", Set.of()),
                new TextSpan("there", Set.of(TextStyle.STRIKETHROUGH, TextStyle.ITALIC)),
                new TextSpan(" 😀", Set.of())),
            true,
            "wamid.quoted",
            BASE.minusMillis(5),
            BASE,
            BASE.plusMillis(1),
            BASE.plusMillis(2));

    insert(message);

    assertThat(messages.find(account, DEVICE, message.messageId())).contains(message);
  }

  @Test
  void readsBackTheMediaOfAMediaMessage() {
    StoredMessage text = message(account, DEVICE, 3, null);
    StoredMessage document =
        new StoredMessage(
            "wamid.media" + UUID.randomUUID(),
            account,
            DEVICE,
            4,
            text.phoneNumberId(),
            text.from(),
            "document",
            "Your invoice",
            List.of(new TextSpan("Your invoice", Set.of())),
            false,
            null,
            BASE,
            BASE,
            null,
            null,
            new OutboundMedia("123456789012345", "application/pdf", "ab".repeat(32), 4321, "i.pdf"),
            null);

    insert(document);

    assertThat(messages.find(account, DEVICE, document.messageId())).contains(document);
  }

  @Test
  void findsAMessageOnlyForItsAccountAndDevice() {
    StoredMessage message = message(account, DEVICE, 1, null);
    insert(message);

    assertThat(messages.find(otherAccount(), DEVICE, message.messageId())).isEmpty();
    assertThat(messages.find(account, "+14155550000", message.messageId())).isEmpty();
  }

  @Test
  void createsADeviceOnFirstUseAndNumbersItsMessages() {
    assertThat(devices.online(account, DEVICE)).isEmpty();
    AccountId other = otherAccount();

    assertThat(reserve(account, DEVICE, 1, false)).isEqualTo(new DeviceStore.Slots(false, 1));
    assertThat(reserve(account, DEVICE, 1, true)).isEqualTo(new DeviceStore.Slots(false, 2));
    assertThat(reserve(other, DEVICE, 1, true)).isEqualTo(new DeviceStore.Slots(true, 1));
    assertThat(devices.online(account, DEVICE)).contains(false);
  }

  @Test
  void reservesConsecutivePositionsOnManyDevicesWithOneCall() {
    AccountId other = otherAccount();
    DeviceKey first = new DeviceKey(account, DEVICE);
    DeviceKey second = new DeviceKey(account, "+14155550000");
    DeviceKey foreign = new DeviceKey(other, DEVICE);
    reserve(account, DEVICE, 2, true);

    assertThat(
            devices.reserve(
                List.of(
                    new DeviceStore.Reservation(second, 1, false),
                    new DeviceStore.Reservation(first, 3, false),
                    new DeviceStore.Reservation(foreign, 4, true)),
                BASE))
        .containsOnly(
            entry(first, new DeviceStore.Slots(true, 3)),
            entry(second, new DeviceStore.Slots(false, 1)),
            entry(foreign, new DeviceStore.Slots(true, 1)));
    assertThat(reserve(account, DEVICE, 1, true).firstSeq()).isEqualTo(6);
    assertThat(reserve(other, DEVICE, 1, true).firstSeq()).isEqualTo(5);
    assertThat(devices.reserve(List.of(), BASE)).isEmpty();
  }

  @Test
  void refusesToReserveOneDeviceTwiceInOneCall() {
    DeviceKey device = new DeviceKey(account, DEVICE);

    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                devices.reserve(
                    List.of(
                        new DeviceStore.Reservation(device, 1, true),
                        new DeviceStore.Reservation(device, 2, true)),
                    BASE))
        .withMessageContaining(DEVICE);
    assertThat(devices.online(account, DEVICE)).isEmpty();
  }

  @Test
  void concurrentReservationsNeverShareAPosition() throws Exception {
    List<DeviceKey> keys =
        IntStream.range(0, 6).mapToObj(i -> new DeviceKey(account, "+1415555000" + i)).toList();
    ConcurrentLinkedQueue<Tuple> positions = new ConcurrentLinkedQueue<>();
    ExecutorService reservers = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int thread = 0; thread < 2; thread++) {
        runs.add(
            reservers.submit(
                () -> {
                  start.countDown();
                  start.await();
                  for (int round = 0; round < 200; round++) {
                    List<DeviceKey> shuffled = new ArrayList<>(keys);
                    Collections.shuffle(shuffled);
                    List<DeviceStore.Reservation> asked =
                        shuffled.stream()
                            .map(
                                key ->
                                    new DeviceStore.Reservation(
                                        key, ThreadLocalRandom.current().nextInt(1, 4), true))
                            .toList();
                    Map<DeviceKey, DeviceStore.Slots> slots =
                        inTransaction(() -> devices.reserve(asked, BASE));
                    for (DeviceStore.Reservation reservation : asked) {
                      long first = slots.get(reservation.device()).firstSeq();
                      for (int i = 0; i < reservation.count(); i++) {
                        positions.add(Tuple.tuple(reservation.device(), first + i));
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      reservers.shutdownNow();
    }

    assertThat(positions).doesNotHaveDuplicates();
    for (DeviceKey key : keys) {
      List<Long> seqs =
          positions.stream()
              .filter(position -> position.toList().get(0).equals(key))
              .map(position -> (Long) position.toList().get(1))
              .sorted()
              .toList();
      assertThat(seqs)
          .as("positions of %s", key)
          .isEqualTo(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
    }
  }

  @Test
  void switchesADeviceAndSaysWhetherThatChangedIt() {
    devices.createIfAbsent(account, DEVICE, true, BASE);
    devices.createIfAbsent(account, DEVICE, false, BASE);
    assertThat(devices.online(account, DEVICE)).contains(true);

    assertThat(devices.setOnline(account, DEVICE, true)).isFalse();
    assertThat(devices.setOnline(account, DEVICE, false)).isTrue();
    assertThat(devices.setOnline(account, DEVICE, false)).isFalse();
    assertThat(devices.online(account, DEVICE)).contains(false);
    assertThat(reserve(account, DEVICE, 1, true).firstSeq()).isEqualTo(1);
  }

  @Test
  void claimsEachDueReceiptOnceItIsSettled() {
    List<Receipt> due =
        IntStream.rangeClosed(1, 3)
            .mapToObj(i -> scheduled(ReceiptKind.DELIVERED, BASE.plusSeconds(i), i))
            .toList();
    Receipt later = scheduled(ReceiptKind.DELIVERED, BASE.plusSeconds(60), 4);

    assertThat(claimAndSettle(BASE.plusSeconds(3), 100)).containsExactlyElementsOf(due);
    assertThat(claimAndSettle(BASE.plusSeconds(3), 100)).isEmpty();
    assertThat(claimAndSettle(BASE.plusSeconds(60), 100)).containsExactly(later);
  }

  @Test
  void claimsNoMoreThanTheLimitEarliestFirst() {
    List<Receipt> scheduled =
        IntStream.rangeClosed(1, 5)
            .mapToObj(i -> scheduled(ReceiptKind.DELIVERED, BASE.plusSeconds(10 - i), i))
            .toList();
    Instant now = BASE.plusSeconds(60);

    assertThat(claimAndSettle(now, 2)).containsExactly(scheduled.get(4), scheduled.get(3));
    assertThat(claimAndSettle(now, 2)).containsExactly(scheduled.get(2), scheduled.get(1));
    assertThat(claimAndSettle(now, 2)).containsExactly(scheduled.get(0));
  }

  @Test
  void keepsAClaimedReceiptDueWhenTheSettlingTransactionRollsBack() {
    Receipt receipt = scheduled(ReceiptKind.READ, BASE, 1);

    transactions.executeWithoutResult(
        status -> {
          assertThat(settleUnchanged(receipts.claimDue(BASE, 10))).containsExactly(receipt);
          status.setRollbackOnly();
        });

    assertThat(claimAndSettle(BASE, 10)).containsExactly(receipt);
  }

  @Test
  void concurrentClaimersNeverShareAReceipt() throws Exception {
    List<Receipt> scheduled =
        IntStream.rangeClosed(1, 200)
            .mapToObj(i -> scheduled(ReceiptKind.DELIVERED, BASE.plusMillis(i % 17), i))
            .toList();
    ConcurrentLinkedQueue<Receipt> claimed = new ConcurrentLinkedQueue<>();
    ExecutorService claimers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            claimers.submit(
                () -> {
                  for (int round = 0; round < 500 && claimed.size() < scheduled.size(); round++) {
                    claimed.addAll(claimAndSettle(BASE.plusSeconds(1), 7));
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
    } finally {
      claimers.shutdownNow();
    }

    assertThat(claimed).hasSize(scheduled.size()).containsExactlyInAnyOrderElementsOf(scheduled);
  }

  @Test
  void queuesOneReceiptAtATimePerMessage() {
    Receipt first = scheduled(ReceiptKind.DELIVERED, BASE, 1);

    assertThat(
            receipts.scheduleAll(
                List.of(
                    new Receipt(
                        first.messageId(),
                        ReceiptKind.DELIVERED,
                        BASE.plusSeconds(9),
                        account,
                        DEVICE,
                        1),
                    new Receipt(
                        first.messageId(),
                        ReceiptKind.READ,
                        BASE.plusSeconds(2),
                        account,
                        DEVICE,
                        1),
                    receipt("wamid.notStored", ReceiptKind.DELIVERED, BASE, 2))))
        .containsExactly(false, false, false);
    assertThat(receipts.ofMessage(first.messageId())).contains(first);
  }

  @Test
  void storesAMessageWithItsFirstReceipt() {
    StoredMessage message = message(account, DEVICE, 1, null);
    Receipt receipt = receipt(message.messageId(), ReceiptKind.DELIVERED, BASE, 1);

    assertThat(messages.insertAllIfAbsent(List.of(message), List.of(receipt)))
        .containsExactly(true);

    assertThat(receipts.ofMessage(message.messageId())).contains(receipt);
  }

  @Test
  void postponesAndCancelsReceipts() {
    Receipt receipt = scheduled(ReceiptKind.DELIVERED, BASE, 1);

    receipts.postpone(receipt, BASE.plusSeconds(5));
    assertThat(claimAndSettle(BASE.plusSeconds(4), 10)).isEmpty();
    receipts.cancel(receipt.messageId());
    assertThat(receipts.ofMessage(receipt.messageId())).isEmpty();
    assertThat(claimAndSettle(BASE.plusSeconds(5), 10)).isEmpty();
  }

  @Test
  void schedulesTheOfflineBacklogInTheOrderMessagesArrived() {
    StoredMessage first = stored(message(account, DEVICE, 1, null));
    StoredMessage delivered = stored(message(account, DEVICE, 2, BASE));
    StoredMessage third = stored(message(account, DEVICE, 3, null));
    StoredMessage fourth = stored(message(account, DEVICE, 4, null));
    stored(message(account, "+14155550000", 1, null));
    stored(message(otherAccount(), DEVICE, 1, null));
    Instant due = BASE.plusSeconds(1);

    assertThat(receipts.scheduleBacklog(account, DEVICE, due)).isEqualTo(3);
    assertThat(receipts.scheduleBacklog(account, DEVICE, due.plusSeconds(1))).isZero();

    assertThat(claimAndSettle(due.plusSeconds(1), 100))
        .extracting(Receipt::messageId, Receipt::kind, Receipt::dueAt, Receipt::seq)
        .containsExactly(
            backlogEntry(first, due), backlogEntry(third, due), backlogEntry(fourth, due));
    assertThat(delivered.deliveredAt()).isNotNull();
  }

  @Test
  void claimsAReceiptWithTheStateOfItsMessageAndDevice() {
    devices.createIfAbsent(account, DEVICE, false, BASE);
    Receipt offline = scheduled(ReceiptKind.DELIVERED, BASE, 1);
    StoredMessage deliveredMessage = stored(message(account, "+14155550000", 1, BASE));
    devices.createIfAbsent(account, "+14155550000", true, BASE);
    Receipt read =
        new Receipt(
            deliveredMessage.messageId(),
            ReceiptKind.READ,
            BASE.plusMillis(1),
            account,
            "+14155550000",
            1);
    receipts.scheduleAll(List.of(read));

    List<ReceiptStore.Claimed> claimed =
        inTransaction(() -> receipts.claimDue(BASE.plusMillis(1), 10));

    assertThat(claimed)
        .containsExactly(
            new ReceiptStore.Claimed(offline, null, null, false),
            new ReceiptStore.Claimed(read, BASE, null, true));
  }

  @Test
  void settlesAClaimOnceWritingTheTimesAndTheNextReceipt() {
    Receipt delivered = scheduled(ReceiptKind.DELIVERED, BASE, 1);
    Instant readDue = BASE.plusSeconds(3);
    ReceiptStore.Settlement settlement =
        new ReceiptStore.Settlement(delivered, BASE, null, ReceiptKind.READ, readDue);

    assertThat(receipts.settleAll(List.of(settlement, settlement))).containsExactly(true, false);

    StoredMessage message = messages.find(account, DEVICE, delivered.messageId()).orElseThrow();
    assertThat(message.deliveredAt()).isEqualTo(BASE);
    assertThat(message.readAt()).isNull();
    assertThat(receipts.ofMessage(delivered.messageId()))
        .contains(receipt(delivered.messageId(), ReceiptKind.READ, readDue, 1));

    Receipt read = receipts.ofMessage(delivered.messageId()).orElseThrow();
    assertThat(
            receipts.settleAll(
                List.of(new ReceiptStore.Settlement(read, BASE, readDue, null, null))))
        .containsExactly(true);
    assertThat(messages.find(account, DEVICE, delivered.messageId()).orElseThrow().readAt())
        .isEqualTo(readDue);
    assertThat(receipts.ofMessage(delivered.messageId())).isEmpty();
    assertThat(receipts.settleAll(List.of())).isEmpty();
  }

  @Test
  void refusesASettlementWithHalfANextReceipt() {
    Receipt receipt = receipt("wamid.x", ReceiptKind.DELIVERED, BASE, 1);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ReceiptStore.Settlement(receipt, BASE, null, ReceiptKind.READ, null))
        .withMessageContaining("nextKind and nextDue");
  }

  @Test
  void marksDeliveredAndReadByHandOnlyOnce() {
    StoredMessage message = stored(message(account, DEVICE, 1, null));

    assertThat(messages.markRead(message.messageId(), BASE)).isFalse();
    assertThat(messages.markDelivered(message.messageId(), BASE.plusMillis(1))).isTrue();
    assertThat(messages.markDelivered(message.messageId(), BASE.plusMillis(2))).isFalse();
    assertThat(messages.markRead(message.messageId(), BASE.plusMillis(2))).isTrue();
    assertThat(messages.markRead(message.messageId(), BASE.plusMillis(3))).isFalse();

    StoredMessage read = messages.find(account, DEVICE, message.messageId()).orElseThrow();
    assertThat(read.deliveredAt()).isEqualTo(BASE.plusMillis(1));
    assertThat(read.readAt()).isEqualTo(BASE.plusMillis(2));
  }

  @Test
  void storesABatchAndSaysWhichMessagesWereNew() {
    StoredMessage earlier = stored(message(account, DEVICE, 1, null));
    StoredMessage second = message(account, DEVICE, 2, null);
    StoredMessage third = message(account, DEVICE, 3, BASE);
    StoredMessage secondAgain =
        new StoredMessage(
            second.messageId(),
            account,
            DEVICE,
            4,
            second.phoneNumberId(),
            second.from(),
            "text",
            "another body",
            List.of(),
            true,
            null,
            BASE,
            BASE,
            null,
            null);

    assertThat(messages.insertAllIfAbsent(List.of(second, earlier, third, secondAgain)))
        .containsExactly(true, false, true, false);

    assertThat(messages.latest(account, DEVICE, 10)).containsExactly(earlier, second, third);
    assertThat(messages.insertAllIfAbsent(List.of())).isEmpty();
  }

  @Test
  void listsTheNewestMessagesOfOneAccountNewestLast() {
    List<StoredMessage> sent =
        IntStream.rangeClosed(1, 5)
            .mapToObj(i -> stored(message(account, DEVICE, i, null)))
            .toList();
    stored(message(otherAccount(), DEVICE, 6, null));

    assertThat(messages.latest(account, DEVICE, 3)).containsExactlyElementsOf(sent.subList(2, 5));
    assertThat(messages.latest(account, DEVICE, 1000)).containsExactlyElementsOf(sent);
    assertThat(messages.latest(account, "+14155550000", 10)).isEmpty();
  }

  @Test
  void countsReceivedDeliveredAndReadMessages() {
    StoredMessage read = stored(message(account, DEVICE, 1, BASE));
    messages.markRead(read.messageId(), BASE);
    stored(message(account, DEVICE, 2, BASE));
    stored(message(account, DEVICE, 3, null));
    stored(message(otherAccount(), DEVICE, 1, BASE));

    assertThat(messages.counts(account, DEVICE)).isEqualTo(new MessageCounts(3, 2, 1));
    assertThat(messages.counts(account, "+14155550000")).isEqualTo(new MessageCounts(0, 0, 0));
  }

  private DeviceStore.Slots reserve(
      AccountId accountId, String number, int count, boolean onlineIfNew) {
    DeviceKey device = new DeviceKey(accountId, number);
    return devices
        .reserve(List.of(new DeviceStore.Reservation(device, count, onlineIfNew)), BASE)
        .get(device);
  }

  private <T> T inTransaction(Supplier<T> work) {
    return transactions.execute(status -> work.get());
  }

  private StoredMessage stored(StoredMessage message) {
    assertThat(insert(message)).isTrue();
    return message;
  }

  private boolean insert(StoredMessage message) {
    return messages.insertAllIfAbsent(List.of(message))[0];
  }

  private Receipt receipt(String messageId, ReceiptKind kind, Instant due, long seq) {
    return new Receipt(messageId, kind, due, account, DEVICE, seq);
  }

  /** Stores a message on the test device and queues the receipt on it. */
  private Receipt scheduled(ReceiptKind kind, Instant due, long seq) {
    StoredMessage message = stored(message(account, DEVICE, seq, null));
    Receipt receipt = receipt(message.messageId(), kind, due, seq);
    assertThat(receipts.scheduleAll(List.of(receipt))).containsExactly(true);
    return receipt;
  }

  /** Claims what is due and settles it, changing nothing else; returns the settled receipts. */
  private List<Receipt> claimAndSettle(Instant now, int limit) {
    return inTransaction(() -> settleUnchanged(receipts.claimDue(now, limit)));
  }

  private List<Receipt> settleUnchanged(List<ReceiptStore.Claimed> claimed) {
    List<ReceiptStore.Settlement> settlements =
        claimed.stream()
            .map(
                c ->
                    new ReceiptStore.Settlement(
                        c.receipt(), c.deliveredAt(), c.readAt(), null, null))
            .toList();
    boolean[] settled = receipts.settleAll(settlements);
    List<Receipt> result = new ArrayList<>();
    for (int i = 0; i < settled.length; i++) {
      assertThat(settled[i]).as("settled %s", claimed.get(i)).isTrue();
      result.add(claimed.get(i).receipt());
    }
    return result;
  }

  private static Tuple backlogEntry(StoredMessage message, Instant due) {
    return Tuple.tuple(message.messageId(), ReceiptKind.DELIVERED, due, message.seq());
  }

  private static AccountId otherAccount() {
    return new AccountId(ThreadLocalRandom.current().nextLong(1, 1L << 53));
  }

  private static StoredMessage message(
      AccountId account, String device, long seq, @Nullable Instant deliveredAt) {
    return new StoredMessage(
        "wamid.store" + UUID.randomUUID().toString().replace("-", ""),
        account,
        device,
        seq,
        new PhoneNumberId(100_000_000_000_002L),
        "+12025550100",
        "text",
        "Hello *there*",
        List.of(new TextSpan("Hello ", Set.of()), new TextSpan("there", Set.of(TextStyle.BOLD))),
        false,
        null,
        BASE.minus(Duration.ofMillis(10)),
        BASE.plusMillis(seq),
        deliveredAt,
        null);
  }
}
