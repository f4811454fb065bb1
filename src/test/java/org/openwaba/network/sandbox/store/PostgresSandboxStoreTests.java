package org.openwaba.network.sandbox.store;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresSandboxStoreTests extends SandboxStoreContract {}
