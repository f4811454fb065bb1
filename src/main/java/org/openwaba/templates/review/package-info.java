/**
 * Templates internals: the automatic review engine, its rules and the worker that applies them when
 * reviews come due.
 */
@NullMarked
package org.openwaba.templates.review;

import org.jspecify.annotations.NullMarked;
