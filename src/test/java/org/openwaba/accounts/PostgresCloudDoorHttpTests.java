package org.openwaba.accounts;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresCloudDoorHttpTests extends CloudDoorHttpContract {}
