package org.openwaba.network.sandbox.store;

/** How many messages a device received from one account, and how many it delivered and read. */
public record MessageCounts(long received, long delivered, long read) {}
