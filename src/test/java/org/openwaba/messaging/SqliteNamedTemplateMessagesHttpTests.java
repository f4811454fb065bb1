package org.openwaba.messaging;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteNamedTemplateMessagesHttpTests extends NamedTemplateMessagesHttpContract {}
