/**
 * Template management over HTTP through both doors: the seed's style under {@code /v2/templates}
 * and Meta's under {@code /{version}/{waba_id}/message_templates}, plus the operator's review.
 */
@NullMarked
package org.openwaba.templates.web;

import org.jspecify.annotations.NullMarked;
