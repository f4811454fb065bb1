package org.openwaba.media.inspect;

import java.util.HashSet;
import java.util.Set;
import org.openwaba.media.MediaKind;
import org.openwaba.media.MediaTypes;

/** Every accepted content type and its extension, gathered from {@link MediaKind}. */
final class MediaTypesList {

  static final Set<String> ALL;
  static final Set<String> EXTENSIONS;

  static {
    Set<String> all = new HashSet<>();
    Set<String> extensions = new HashSet<>();
    for (MediaKind kind : MediaKind.values()) {
      all.addAll(kind.mimeTypes());
      kind.mimeTypes().forEach(type -> extensions.add(MediaTypes.extensionOf(type)));
    }
    extensions.add("jpeg");
    ALL = Set.copyOf(all);
    EXTENSIONS = Set.copyOf(extensions);
  }

  private MediaTypesList() {}
}
