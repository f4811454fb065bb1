/**
 * Message templates: the catalogue of each account's templates (name, language, category,
 * Meta-shaped components) with their review status, and the validation of new templates against
 * Meta's limits. Owns the table {@code templates_template}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"accounts"})
package org.openwaba.templates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
