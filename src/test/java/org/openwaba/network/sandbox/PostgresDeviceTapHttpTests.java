package org.openwaba.network.sandbox;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresDeviceTapHttpTests extends DeviceTapHttpContract {}
