package org.openwaba.webhooks;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openwaba.testing.TestDatabases;

/** On PostgreSQL, in a schema of its own that both server processes use. */
class PostgresWebhookCrashProcessTests extends WebhookCrashProcessContract {

  private final String schema = TestDatabases.newSchemaName();
  private @Nullable String url;

  @Override
  List<String> storeSettings() {
    if (url == null) {
      url = TestDatabases.newPostgresSchemaUrl(schema);
    }
    return List.of(
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=" + TestDatabases.POSTGRES_USER,
        "--openwaba.accounts.admin-key=crash-test-admin-key-0123456789abcdef");
  }

  @Override
  void dropStore() {
    if (url != null) {
      TestDatabases.dropPostgresSchema(schema);
    }
  }
}
