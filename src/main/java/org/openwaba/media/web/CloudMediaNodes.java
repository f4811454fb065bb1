package org.openwaba.media.web;

import java.util.Optional;
import org.openwaba.accounts.AccountId;
import org.openwaba.accounts.GraphNodeReader;
import org.openwaba.media.MediaId;
import org.openwaba.media.MediaLibrary;
import org.openwaba.media.MediaLinks;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves the caller's media at the Cloud API's {@code GET /{version}/{media_id}}, with the same
 * download URL as the seed door's metadata. Expired media is not a node any more.
 */
@Component
class CloudMediaNodes implements GraphNodeReader {

  /** Our name for the node type in field-selection errors; Meta's is not documented. */
  static final String TYPE = "WhatsAppBusinessMedia";

  private final MediaLibrary library;
  private final MediaLinks links;

  CloudMediaNodes(MediaLibrary library, MediaLinks links) {
    this.library = library;
    this.links = links;
  }

  @Override
  public Optional<Node> read(AccountId caller, long id) {
    return MediaId.of(id)
        .flatMap(mediaId -> library.find(caller, mediaId))
        .map(media -> new Node(TYPE, CloudMediaView.of(media, downloadUrl(media.id()))));
  }

  /** Called on the request's thread by the nodes controller, so the request's base is known. */
  private String downloadUrl(MediaId id) {
    return links.downloadUrl(
        id, ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
  }
}
