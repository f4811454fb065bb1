package org.openwaba.media;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresCloudMediaHttpTests extends CloudMediaHttpContract {}
