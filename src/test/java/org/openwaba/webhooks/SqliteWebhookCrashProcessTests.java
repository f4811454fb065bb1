package org.openwaba.webhooks;

import java.util.List;

/** On the embedded default: a SQLite file in the server's data folder. */
class SqliteWebhookCrashProcessTests extends WebhookCrashProcessContract {

  @Override
  List<String> storeSettings() {
    return List.of();
  }
}
