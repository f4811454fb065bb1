package org.openwaba.bench;

import java.io.IOException;

/**
 * One in-flight request slot: sends a request, blocks until the whole response is read, and exposes
 * the response body until the next request. Not thread-safe; each worker thread owns one.
 */
interface HttpConnection extends AutoCloseable {

  /** Sends message number {@code seq} via {@code POST /v2/send-message}; returns the status. */
  int sendMessage(long seq) throws IOException;

  /**
   * Sends {@code GET pathAndQuery} (relative to the server root, base path included); returns the
   * status. Passing the same String instance repeatedly lets implementations reuse the request.
   */
  int get(String pathAndQuery) throws IOException;

  /** Body of the last response; valid up to {@link #bodyLength()} until the next request. */
  byte[] body();

  int bodyLength();

  /** TCP connections this slot opened so far, or -1 if the implementation cannot tell. */
  int connectionsOpened();

  @Override
  void close();
}
