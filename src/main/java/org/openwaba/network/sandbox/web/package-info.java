/** Sandbox internals: the sandbox API under {@code /v2/sandbox}, its requests and responses. */
@NullMarked
package org.openwaba.network.sandbox.web;

import org.jspecify.annotations.NullMarked;
