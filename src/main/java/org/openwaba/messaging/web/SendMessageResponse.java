package org.openwaba.messaging.web;

/** The seed's success response: status, message_id, timestamp (ISO-8601 UTC), recipient. */
record SendMessageResponse(String status, String messageId, String timestamp, String recipient) {}
