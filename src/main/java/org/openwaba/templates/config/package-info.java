/** Templates internals: the module's settings, including the automatic review's rules. */
@NullMarked
package org.openwaba.templates.config;

import org.jspecify.annotations.NullMarked;
