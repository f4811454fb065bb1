package org.openwaba.templates.store;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresReviewQueueStoreTests extends ReviewQueueStoreContract {}
