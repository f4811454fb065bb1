package org.openwaba.network.sandbox.web;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code POST /v2/sandbox/devices/{number}/messages/{message_id}/tap}: what the user taps,
 * exactly one of the two.
 *
 * @param id a reply button's or list row's id, for an interactive message
 * @param index a button's position from 0, for a template message
 */
record DeviceTapRequest(@Nullable String id, @Nullable Integer index) {}
