package org.openwaba.messaging;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresNamedTemplateMessagesHttpTests extends NamedTemplateMessagesHttpContract {}
