package org.openwaba.messaging.store;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteMessagingStoreTests extends MessagingStoreContract {}
