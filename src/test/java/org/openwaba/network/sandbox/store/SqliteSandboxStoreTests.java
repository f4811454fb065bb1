package org.openwaba.network.sandbox.store;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteSandboxStoreTests extends SandboxStoreContract {}
