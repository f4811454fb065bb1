package org.openwaba.network.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;

class ReceiptTests {

  static final Instant T = Instant.parse("2025-04-27T12:00:00Z");
  static final AccountId ACCOUNT = new AccountId(1);

  static Receipt receipt(String id, ReceiptKind kind, Instant due, long seq) {
    return new Receipt(id, kind, due, ACCOUNT, "+14155552671", seq);
  }

  @Test
  void appliesEarlierDueReceiptsFirstThenInTheOrderMessagesReachedTheDevice() {
    Receipt third = receipt("c", ReceiptKind.DELIVERED, T, 3);
    Receipt first = receipt("a", ReceiptKind.DELIVERED, T, 1);
    Receipt second = receipt("b", ReceiptKind.DELIVERED, T, 2);
    Receipt earlierButLaterSeq = receipt("z", ReceiptKind.READ, T.minusMillis(1), 9);
    List<Receipt> receipts = new ArrayList<>(List.of(third, first, second, earlierButLaterSeq));
    Collections.shuffle(receipts);

    receipts.sort(Receipt.APPLY_ORDER);

    assertThat(receipts).containsExactly(earlierButLaterSeq, first, second, third);
  }

  @Test
  void appliesADeliveryBeforeAReadDueAtTheSameTime() {
    Receipt read = receipt("a", ReceiptKind.READ, T, 1);
    Receipt delivered = receipt("a", ReceiptKind.DELIVERED, T, 1);

    assertThat(new ArrayList<>(List.of(read, delivered)).stream().sorted(Receipt.APPLY_ORDER))
        .containsExactly(delivered, read);
  }
}
