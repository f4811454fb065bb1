package org.openwaba.network;

/** A WhatsApp text style, written in a message with the marker it names. */
public enum TextStyle {
  /** {@code *bold*} */
  BOLD,
  /** {@code _italic_} */
  ITALIC,
  /** {@code ~strikethrough~} */
  STRIKETHROUGH,
  /** {@code ```monospace```}; its content is literal, markers inside are not styles */
  MONOSPACE
}
