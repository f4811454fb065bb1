package org.openwaba.media;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteCloudMediaHttpTests extends CloudMediaHttpContract {}
