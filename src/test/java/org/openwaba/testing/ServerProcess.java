package org.openwaba.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server in a child JVM on a SQLite file, for crash tests: started with the test's
 * settings, killed with SIGKILL, started again on the same data. Failsafe passes the jar's path as
 * the system property {@code openwaba.jar}.
 */
public final class ServerProcess implements AutoCloseable {

  private final Path database;
  private final Path log;
  private final int port;
  private Process process;

  /** A server on a free port. */
  public ServerProcess(Path dataDir, Path log) throws IOException {
    this(dataDir, log, freePort());
  }

  /** A server on the given port, for clients that can reach no other (443 for Meta's SDK). */
  public ServerProcess(Path dataDir, Path log, int port) {
    this.database = dataDir.resolve("openwaba.db");
    this.log = log;
    this.port = port;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** The SQLite file the server writes. */
  public Path database() {
    return database;
  }

  /**
   * Starts the server with these {@code --name=value} settings and waits until it is ready; on the
   * SQLite file in its data folder unless they name another store.
   */
  public ApiClient start(List<String> settings) throws IOException {
    return start(settings, new ApiClient(port));
  }

  /**
   * Starts the server and waits until {@code api}, a client for this server (over HTTPS when the
   * settings configure TLS), finds it ready.
   */
  public ApiClient start(List<String> settings, ApiClient api) throws IOException {
    String jar = System.getProperty("openwaba.jar");
    assertThat(jar).as("failsafe passes the packaged jar as openwaba.jar").isNotNull();
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx512m");
    command.add("-jar");
    command.add(jar);
    command.add("--server.port=" + port);
    if (settings.stream().noneMatch(s -> s.startsWith("--spring.datasource.url="))) {
      command.add("--spring.datasource.url=jdbc:sqlite:" + database);
    }
    command.addAll(settings);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .failFast("the server process exited; see " + log, () -> !process.isAlive())
        .until(() -> api.get("/actuator/health/readiness", null).status() == 200);
    return api;
  }

  /** SIGKILL: Process.destroyForcibly sends it on Unix; nothing gets to shut down cleanly. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(137);
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
