package org.openwaba.network.sandbox.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Upgrading a database with queued receipts to the schema that keeps them in the message row (V4)
 * loses none of them; run on both databases.
 */
abstract class ReceiptMigrationContract {

  abstract DriverManagerDataSource freshDatabase();

  @Test
  void movesQueuedReceiptsIntoTheirMessagesAndKeepsDeliveryFirst() {
    DriverManagerDataSource dataSource = freshDatabase();
    Flyway.configure().dataSource(dataSource).target("3").load().migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    for (String id : List.of("wamid.waiting", "wamid.delivered", "wamid.both", "wamid.none")) {
      jdbc.sql(
              "INSERT INTO network_sandbox_message (message_id, account_id, device_number, seq,"
                  + " phone_number_id, from_number, message_type, body, formatting, preview_url,"
                  + " accepted_at, received_at) VALUES (?, 1, '+14155552671', 1, 2,"
                  + " '+12025550100', 'text', 'hi', '[]', FALSE, 0, 0)")
          .param(id)
          .update();
    }
    receipt(jdbc, "wamid.waiting", "DELIVERED", 1000);
    receipt(jdbc, "wamid.delivered", "READ", 3000);
    receipt(jdbc, "wamid.both", "READ", 5000);
    receipt(jdbc, "wamid.both", "DELIVERED", 4000);

    Flyway.configure().dataSource(dataSource).load().migrate();

    Map<String, String> pending =
        jdbc.sql(
                "SELECT message_id, receipt_kind, receipt_due_at FROM network_sandbox_message"
                    + " ORDER BY message_id")
            .query(
                rs -> {
                  Map<String, String> rows = new java.util.TreeMap<>();
                  while (rs.next()) {
                    rows.put(rs.getString(1), rs.getString(2) + "@" + rs.getString(3));
                  }
                  return rows;
                });
    assertThat(pending)
        .containsExactlyEntriesOf(
            new java.util.TreeMap<>(
                Map.of(
                    "wamid.both", "DELIVERED@4000",
                    "wamid.delivered", "READ@3000",
                    "wamid.none", "null@null",
                    "wamid.waiting", "DELIVERED@1000")));
  }

  private static void receipt(JdbcClient jdbc, String messageId, String kind, long dueAt) {
    jdbc.sql(
            "INSERT INTO network_sandbox_receipt (message_id, kind, due_at, account_id,"
                + " device_number, seq) VALUES (?, ?, ?, 1, '+14155552671', 1)")
        .params(messageId, kind, dueAt)
        .update();
  }
}
