package org.openwaba.network.sandbox.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openwaba.network.DeviceMedia;
import org.openwaba.network.sandbox.DeviceSentMessage;

/** A message a device sent, as the sandbox API answers it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record DeviceSentView(
    String messageId,
    String from,
    String to,
    String profileName,
    String type,
    String body,
    @Nullable String replyTo,
    Instant sentAt,
    @Nullable DeviceMedia media,
    @JsonRawValue @Nullable String content) {

  static DeviceSentView of(DeviceSentMessage m) {
    return new DeviceSentView(
        m.messageId(),
        m.from(),
        m.to(),
        m.profileName(),
        m.type(),
        m.body(),
        m.replyTo(),
        m.sentAt(),
        m.media(),
        m.content());
  }
}
