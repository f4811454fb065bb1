package org.openwaba.templates;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresCloudTemplatesHttpTests extends CloudTemplatesHttpContract {}
