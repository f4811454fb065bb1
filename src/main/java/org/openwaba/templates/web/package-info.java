/** The seed-style template management endpoints under {@code /v2/templates}. */
@NullMarked
package org.openwaba.templates.web;

import org.jspecify.annotations.NullMarked;
