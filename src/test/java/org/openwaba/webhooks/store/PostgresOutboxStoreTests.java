package org.openwaba.webhooks.store;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresOutboxStoreTests extends OutboxStoreContract {}
