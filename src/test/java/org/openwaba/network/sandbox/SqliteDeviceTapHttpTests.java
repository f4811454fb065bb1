package org.openwaba.network.sandbox;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteDeviceTapHttpTests extends DeviceTapHttpContract {}
