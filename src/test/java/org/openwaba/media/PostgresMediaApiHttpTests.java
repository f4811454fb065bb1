package org.openwaba.media;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresMediaApiHttpTests extends MediaApiHttpContract {}
