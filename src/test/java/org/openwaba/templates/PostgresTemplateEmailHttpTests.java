package org.openwaba.templates;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresTemplateEmailHttpTests extends TemplateEmailHttpContract {}
