package org.openwaba.webhooks.store;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteOutboxStoreTests extends OutboxStoreContract {}
