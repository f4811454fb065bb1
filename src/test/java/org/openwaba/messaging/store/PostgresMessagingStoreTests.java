package org.openwaba.messaging.store;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresMessagingStoreTests extends MessagingStoreContract {}
