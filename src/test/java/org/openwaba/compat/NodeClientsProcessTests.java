package org.openwaba.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openwaba.media.SampleFiles;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ServerProcess;

/**
 * The Cloud API door as existing, unmodified Node client libraries see it: the packaged server in a
 * child JVM, driven by the scripts in {@code compat/node} (whatsapp-api-js, and Meta's own SDK,
 * which can only reach HTTPS on port 443). One server serves both, with TLS on 443 when that port
 * can be bound here and plain HTTP on a free port otherwise, when Meta's SDK case is skipped.
 *
 * <p>Node and npm are required under {@code CI=true}; elsewhere their absence skips the suite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeClientsProcessTests {

  private static final String TOKEN = "owa_compat_suite_token_0123456789abcdefghij";
  private static final String APP_SECRET = "compat-suite-app-secret-0123456789abcdef";
  private static final String WABA_ID = "318052216489306";
  private static final String PHONE_NUMBER_ID = "512667198722049";
  private static final int TLS_PORT = 443;
  private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
  private static final boolean CI = "true".equals(System.getenv("CI"));

  /** Written into node_modules after a successful install: the lock it installed. */
  private static final String INSTALLED_LOCK = ".openwaba-installed-lock.sha256";

  private Path work = Path.of(".");
  private final Path suite = Path.of(System.getProperty("basedir", ".")).resolve("compat/node");
  private @Nullable ServerProcess server;
  private @Nullable HttpServer mediaHost;
  private String baseUrl = "";
  private @Nullable Path certificate;
  private @Nullable String noTlsReason;
  private Path log = Path.of("server.log");

  @BeforeAll
  void startServer(@TempDir Path work) throws Exception {
    this.work = work;
    requireTool("node", "--version");
    requireTool("npm", "--version");
    installClients();
    Path media = writeSampleMedia();
    mediaHost = serve(media);
    List<String> settings = new ArrayList<>();
    settings.add("--openwaba.accounts.bootstrap.token=" + TOKEN);
    settings.add("--openwaba.accounts.bootstrap.app-secret=" + APP_SECRET);
    settings.add("--openwaba.accounts.bootstrap.account-id=" + WABA_ID);
    settings.add("--openwaba.accounts.bootstrap.phone-number-id=" + PHONE_NUMBER_ID);
    settings.add("--openwaba.accounts.bootstrap.messages-per-second=1000");
    settings.add("--openwaba.media.storage-directory=" + work.resolve("media-store"));
    settings.add("--openwaba.templates.review.delay=1s");
    // The media host for the link cases is plain HTTP on loopback.
    settings.add("--openwaba.platform.outbound.allowed-hosts=127.0.0.1");
    settings.add("--openwaba.platform.outbound.allow-http=true");
    // Outside the temporary folder, so that it outlives a failed run.
    log = Files.createTempFile("openwaba-compat-", ".log");
    noTlsReason = reasonTlsOn443IsUnavailable();
    if (noTlsReason == null) {
      certificate = work.resolve("cert.pem");
      Path key = work.resolve("key.pem");
      generateCertificate(certificate, key);
      settings.add("--server.ssl.certificate=" + certificate);
      settings.add("--server.ssl.certificate-private-key=" + key);
      server = new ServerProcess(work, log, TLS_PORT);
      baseUrl = "https://localhost";
      server.start(settings, new ApiClient(baseUrl, trusting(certificate)));
    } else {
      System.out.println("Meta's Node SDK case will be skipped: " + noTlsReason);
      server = new ServerProcess(work, log);
      baseUrl = "http://127.0.0.1:" + server.port();
      server.start(settings);
    }
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.close();
    }
    if (mediaHost != null) {
      mediaHost.stop(0);
    }
  }

  @Test
  void whatsappApiJsDrivesTheCloudDoor() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OPENWABA_BASE_URL", baseUrl);
    env.put("OPENWABA_TOKEN", TOKEN);
    env.put("OPENWABA_APP_SECRET", APP_SECRET);
    env.put("OPENWABA_PHONE_NUMBER_ID", PHONE_NUMBER_ID);
    env.put("OPENWABA_WABA_ID", WABA_ID);
    env.put("OPENWABA_MEDIA_DIR", work.resolve("samples").toString());
    env.put("OPENWABA_MEDIA_LINK_BASE", "http://127.0.0.1:" + mediaHost.getAddress().getPort());
    runScript("whatsapp-api-js.mjs", env);
  }

  @Test
  void metaNodeSdkSendsThroughTlsOnPort443() throws Exception {
    assumeTrue(noTlsReason == null, () -> "Meta's Node SDK needs HTTPS on 443: " + noTlsReason);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("WA_BASE_URL", "localhost");
    env.put("CLOUD_API_VERSION", "v24.0");
    env.put("CLOUD_API_ACCESS_TOKEN", TOKEN);
    env.put("WA_PHONE_NUMBER_ID", PHONE_NUMBER_ID);
    runScript("meta-sdk.mjs", env);
  }

  private void runScript(String script, Map<String, String> env) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(env);
    if (certificate != null) {
      all.put("NODE_EXTRA_CA_CERTS", certificate.toString());
    }
    Run run = inSuite(List.of("node", script), all, SCRIPT_TIMEOUT);
    System.out.println(run.output());
    assertThat(run.exitCode())
        .as("%s failed (server log: %s):%n%s", script, log, run.output())
        .isZero();
  }

  /** Installs the pinned libraries unless the lock they were installed from is unchanged. */
  private void installClients() throws Exception {
    String lock = sha256(suite.resolve("package-lock.json"));
    Path stamp = suite.resolve("node_modules").resolve(INSTALLED_LOCK);
    if (Files.exists(stamp) && Files.readString(stamp).strip().equals(lock)) {
      return;
    }
    Run install = inSuite(List.of("npm", "ci"), Map.of(), INSTALL_TIMEOUT);
    assertThat(install.exitCode()).as("npm ci in %s:%n%s", suite, install.output()).isZero();
    Files.writeString(stamp, lock + "\n");
  }

  private void requireTool(String tool, String versionFlag) throws InterruptedException {
    String problem;
    try {
      Run run = exec(List.of(tool, versionFlag), Map.of(), Duration.ofSeconds(30));
      if (run.exitCode() == 0) {
        return;
      }
      problem = tool + " " + versionFlag + " exited with " + run.exitCode() + ": " + run.output();
    } catch (IOException e) {
      problem = tool + " is not on the PATH (" + e.getMessage() + ")";
    }
    if (CI) {
      fail("The Node compatibility suite needs " + tool + " under CI=true: " + problem);
    }
    System.out.println("Skipping the Node compatibility suite: " + problem);
    abort("Skipping the Node compatibility suite: " + problem);
  }

  /** Why the server cannot serve HTTPS on 443 here, or null when it can. */
  private static @Nullable String reasonTlsOn443IsUnavailable() {
    try {
      if (exec(List.of("openssl", "version"), Map.of(), Duration.ofSeconds(30)).exitCode() != 0) {
        return "openssl, which makes the test certificate, does not run";
      }
    } catch (Exception e) {
      return "openssl, which makes the test certificate, is not on the PATH";
    }
    // Tomcat binds the wildcard address, so that is the bind to try.
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(TLS_PORT));
      return null;
    } catch (BindException e) {
      return "port "
          + TLS_PORT
          + " is in use or may not be bound by this user ("
          + e.getMessage()
          + ")";
    } catch (IOException e) {
      return "port " + TLS_PORT + " cannot be bound: " + e;
    }
  }

  /** A self-signed certificate for localhost and 127.0.0.1, as docs/configuration.md makes one. */
  private static void generateCertificate(Path certificate, Path key) throws Exception {
    Run run =
        exec(
            List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                key.toString(),
                "-out",
                certificate.toString()),
            Map.of(),
            Duration.ofSeconds(60));
    assertThat(run.exitCode()).as("openssl req:%n%s", run.output()).isZero();
  }

  private static HttpClient trusting(Path certificate) throws Exception {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      trust.setCertificateEntry(
          "openwaba", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trustManagers.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The files the media cases upload (by id) and the media host serves (by link). */
  private Path writeSampleMedia() throws IOException {
    Path samples = Files.createDirectories(work.resolve("samples"));
    Files.write(samples.resolve("image.png"), SampleFiles.png(64, 48));
    Files.write(samples.resolve("video.mp4"), SampleFiles.mp4(3, 4096));
    Files.write(samples.resolve("audio.ogg"), SampleFiles.oggOpus());
    Files.write(samples.resolve("document.pdf"), SampleFiles.pdf());
    Files.write(samples.resolve("sticker.webp"), SampleFiles.webpStatic(512, 512, 2048));
    return samples;
  }

  /** A media host on loopback serving the sample files, for sends by link. */
  private static HttpServer serve(Path directory) throws IOException {
    HttpServer host =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    host.createContext(
        "/",
        exchange -> {
          Path file =
              directory.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
          if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
          }
          byte[] body = Files.readAllBytes(file);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    host.start();
    return host;
  }

  private record Run(int exitCode, String output) {}

  private Run inSuite(List<String> command, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    return exec(command, env, timeout, suite);
  }

  private static Run exec(List<String> command, Map<String, String> env, Duration timeout)
      throws IOException, InterruptedException {
    return exec(command, env, timeout, null);
  }

  private static Run exec(
      List<String> command, Map<String, String> env, Duration timeout, @Nullable Path directory)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().putAll(env);
    Path output = Files.createTempFile("openwaba-compat-", ".out");
    builder.redirectOutput(output.toFile());
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        return new Run(
            -1,
            "timed out after "
                + timeout
                + ":\n"
                + Files.readString(output, StandardCharsets.UTF_8));
      }
      return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
