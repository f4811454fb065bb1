package org.openwaba.webhooks;

import org.openwaba.testing.PostgresTest;

@PostgresTest
class PostgresWebhookDeliveryHttpTests extends WebhookDeliveryHttpContract {}
