package org.openwaba.messaging;

import java.util.List;
import org.openwaba.media.MediaId;

/**
 * A media message durably stored and queued for delivery.
 *
 * @param mediaId the media it carries: the uploaded id, or the one the fetched URL was stored as
 * @param warnings the seed's notes the file does not follow (such as a video over 30 s, which will
 *     not autoplay); advice only
 */
public record SentMedia(AcceptedMessage accepted, MediaId mediaId, List<String> warnings) {

  public SentMedia {
    warnings = List.copyOf(warnings);
  }
}
