package org.openwaba.messaging;

/**
 * Why a message failed, in the Cloud API's error shape (Meta's codes, such as 131026).
 *
 * @param details what exactly happened
 */
public record MessageError(int code, String title, String details) {}
