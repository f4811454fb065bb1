package org.openwaba.network.sandbox;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresSandboxReceiptDelaysHttpTests extends SandboxReceiptDelaysHttpContract {}
