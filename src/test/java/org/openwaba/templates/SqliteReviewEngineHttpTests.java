package org.openwaba.templates;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteReviewEngineHttpTests extends ReviewEngineHttpContract {}
