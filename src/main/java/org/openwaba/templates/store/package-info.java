/** Persistence of the template catalogue in {@code templates_template}. */
@NullMarked
package org.openwaba.templates.store;

import org.jspecify.annotations.NullMarked;
