/** Platform internals: request ids, body limits and the one place that renders API errors. */
@NullMarked
package org.openwaba.platform.web;

import org.jspecify.annotations.NullMarked;
