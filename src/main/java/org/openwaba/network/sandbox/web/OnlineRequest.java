package org.openwaba.network.sandbox.web;

import jakarta.validation.constraints.NotNull;

/** Body of {@code PATCH /v2/sandbox/devices/{number}}: {@code {"online": true}}. */
record OnlineRequest(@NotNull Boolean online) {}
