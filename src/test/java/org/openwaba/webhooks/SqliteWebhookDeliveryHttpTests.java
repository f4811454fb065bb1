package org.openwaba.webhooks;

import org.openwaba.testing.SqliteTest;

@SqliteTest
class SqliteWebhookDeliveryHttpTests extends WebhookDeliveryHttpContract {}
