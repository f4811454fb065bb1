package org.openwaba.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Keep-alive HTTP/1.1 over one blocking socket, with requests pre-encoded into reused byte arrays
 * and responses parsed in place by {@link HttpResponseReader}: no per-request allocation beyond
 * what the socket streams do.
 *
 * <p>The connection is (re)opened lazily: after a {@code Connection: close} response (e.g. a
 * server's keep-alive request limit), after an I/O error, or at the first request. If a reused
 * connection fails before a single response byte arrived (the server closed it while idle: the
 * write fails, or the read sees end-of-stream or a reset), the request is retried once on a fresh
 * connection.
 */
final class SocketHttpConnection implements HttpConnection {
  private final Target target;
  private final RequestEncoder encoder;
  private final HttpResponseReader reader = new HttpResponseReader();
  private Socket socket;
  private InputStream in;
  private OutputStream out;
  private int requestsOnSocket;
  private int opened;
  private String lastGetPath;
  private byte[] lastGet;

  SocketHttpConnection(Target target, byte[][] phones) {
    this.target = target;
    this.encoder = new RequestEncoder(target.hostHeader, target.token, target.sendPath, phones);
  }

  @Override
  public int sendMessage(long seq) throws IOException {
    int len = encoder.encodeSend(seq);
    return exchange(encoder.buffer(), len);
  }

  @Override
  public int get(String pathAndQuery) throws IOException {
    if (pathAndQuery != lastGetPath) {
      lastGet = RequestEncoder.get(target.hostHeader, target.token, pathAndQuery);
      lastGetPath = pathAndQuery;
    }
    return exchange(lastGet, lastGet.length);
  }

  private int exchange(byte[] req, int len) throws IOException {
    boolean reused = socket != null && requestsOnSocket > 0;
    try {
      return attempt(req, len);
    } catch (IOException | RuntimeException e) {
      close();
      if (reused
          && e instanceof IOException
          && !(e instanceof SocketTimeoutException)
          && !reader.responseStarted()) {
        // The server had closed the idle keep-alive connection (write failed, or EOF / reset
        // before the first response byte): retry once on a fresh connection.
        try {
          return attempt(req, len);
        } catch (IOException | RuntimeException again) {
          close();
          throw again;
        }
      }
      throw e;
    }
  }

  private int attempt(byte[] req, int len) throws IOException {
    if (socket == null) {
      open();
    }
    reader.expectResponse();
    out.write(req, 0, len);
    out.flush();
    int status = reader.read(in);
    requestsOnSocket++;
    if (reader.closeAfter()) {
      close();
    }
    return status;
  }

  private void open() throws IOException {
    Socket s = new Socket();
    try {
      s.setTcpNoDelay(true);
      s.setKeepAlive(true);
      s.setSoTimeout(target.timeoutMillis);
      s.connect(target.address, target.timeoutMillis);
      in = s.getInputStream();
      out = s.getOutputStream();
    } catch (IOException e) {
      s.close();
      throw e;
    }
    socket = s;
    opened++;
    requestsOnSocket = 0;
    reader.reset();
  }

  @Override
  public byte[] body() {
    return reader.body();
  }

  @Override
  public int bodyLength() {
    return reader.bodyLength();
  }

  @Override
  public int connectionsOpened() {
    return opened;
  }

  @Override
  public void close() {
    Socket s = socket;
    socket = null;
    in = null;
    out = null;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
