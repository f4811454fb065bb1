package org.openwaba.templates.store;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteReviewQueueStoreTests extends ReviewQueueStoreContract {}
