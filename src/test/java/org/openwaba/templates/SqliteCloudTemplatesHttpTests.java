package org.openwaba.templates;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteCloudTemplatesHttpTests extends CloudTemplatesHttpContract {}
