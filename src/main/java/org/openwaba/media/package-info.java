/**
 * Media: uploads, the content-addressed media store, content-type detection and the per-type rules
 * of the seed's "Supported Formats" table, fetching media from user-given URLs through the outbound
 * guard, and the expiry of media ids. Owns the table {@code media_object}, the files under {@code
 * openwaba.media.storage-directory} and the endpoints {@code POST /v2/media}, {@code GET
 * /v2/media/{id}}, {@code GET /v2/media/{id}/download} and {@code DELETE /v2/media/{id}}, and on
 * the Cloud API door {@code POST /{version}/{phone_number_id}/media}, {@code DELETE
 * /{version}/{media_id}} and media nodes of {@code GET /{version}/{id}}. Publishes no events.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"accounts", "platform :: outbound"})
package org.openwaba.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
