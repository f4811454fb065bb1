package org.openwaba.templates;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteTemplateEmailHttpTests extends TemplateEmailHttpContract {}
