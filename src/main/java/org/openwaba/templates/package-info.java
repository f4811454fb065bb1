/**
 * Message templates: the catalogue of each account's templates (name, language, category,
 * Meta-shaped components) with their review status, and the validation of new templates against
 * Meta's limits; their automatic review and the status emails. Owns the tables {@code
 * templates_template}, {@code templates_review}, {@code templates_notification_address} and {@code
 * templates_email_outbox}, the endpoints {@code /v2/templates} and, on the Cloud API door, {@code
 * /{version}/{waba_id}/message_templates} and the template nodes of {@code GET /{version}/{id}};
 * publishes {@link org.openwaba.templates.TemplateStatusChanged}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"accounts"})
package org.openwaba.templates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
