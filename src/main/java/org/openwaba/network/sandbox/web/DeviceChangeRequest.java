package org.openwaba.network.sandbox.web;

import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PATCH /v2/sandbox/devices/{number}}: {@code {"online": true}}, {@code
 * {"profile_name": "Ana"}} or both.
 */
record DeviceChangeRequest(@Nullable Boolean online, @Nullable String profileName) {}
