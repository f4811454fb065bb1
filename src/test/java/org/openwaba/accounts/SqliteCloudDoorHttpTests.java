package org.openwaba.accounts;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteCloudDoorHttpTests extends CloudDoorHttpContract {}
