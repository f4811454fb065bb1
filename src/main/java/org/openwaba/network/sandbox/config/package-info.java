/** Sandbox internals: the {@code openwaba.sandbox} settings. */
@NullMarked
package org.openwaba.network.sandbox.config;

import org.jspecify.annotations.NullMarked;
