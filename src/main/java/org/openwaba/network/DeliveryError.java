package org.openwaba.network;

/**
 * Why a message failed, in the Cloud API's asynchronous error shape.
 *
 * @param code Meta's error code, such as 131026 (message undeliverable)
 * @param title Meta's short title for the code
 * @param details what exactly happened
 */
public record DeliveryError(int code, String title, String details) {}
