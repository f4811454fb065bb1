package org.openwaba.templates;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteTemplateCatalogueTests extends TemplateCatalogueContract {}
