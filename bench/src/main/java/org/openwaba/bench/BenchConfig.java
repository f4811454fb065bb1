package org.openwaba.bench;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validated command-line configuration of the load generator.
 *
 * <p>Built by {@link #parse(String[], Map)}, which refuses bad values with a {@link UsageException}
 * whose message names the option and what is wrong with it.
 *
 * @param help {@code --help} was given; nothing else is meaningful then
 * @param baseUri server base URL, without a trailing slash
 * @param token bearer access token (never printed)
 * @param connections concurrent in-flight requests (one connection each with the socket client)
 * @param durationSeconds measured seconds per phase
 * @param warmupSeconds unmeasured seconds before each phase's measurement
 * @param recipients distinct recipient numbers to rotate through
 * @param rate target requests per second per phase; {@code 0} means unlimited (closed loop)
 * @param json also print the report as one JSON object
 * @param verifyStatus how many accepted message ids to look up after the send phase
 * @param timeoutSeconds connect and read timeout of each request
 * @param client which HTTP client implementation to use
 */
public record BenchConfig(
    boolean help,
    URI baseUri,
    String token,
    int connections,
    int durationSeconds,
    int warmupSeconds,
    int recipients,
    double rate,
    boolean json,
    int verifyStatus,
    int timeoutSeconds,
    ClientKind client) {

  /** Environment variable read when {@code --token} is not given. */
  public static final String TOKEN_ENV = "OPENWABA_TOKEN";

  public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080";
  public static final int DEFAULT_CONNECTIONS = 64;
  public static final int DEFAULT_DURATION = 30;
  public static final int DEFAULT_WARMUP = 10;
  public static final int DEFAULT_RECIPIENTS = 1000;
  public static final int DEFAULT_TIMEOUT = 30;

  /** HTTP client implementations. */
  public enum ClientKind {
    /** Blocking keep-alive HTTP/1.1 over plain sockets, one connection per slot (default). */
    SOCKET,
    /** The JDK's {@code java.net.http.HttpClient} (also supports https). */
    JDK
  }

  public static String usage() {
    return """
        Usage: java -jar openwaba-bench.jar --token TOKEN [options]

        Closed-loop load generator for OpenWABA. Phase 1 drives POST /v2/send-message,
        phase 2 drives the cheapest authenticated endpoint GET /v2/me; each phase runs
        --warmup seconds unmeasured, then --duration seconds measured.

        Options:
          --base-url URL        server base URL (default %s)
          --token TOKEN         bearer access token; required unless env %s is set
          --connections N       concurrent in-flight requests / connections (default %d)
          --duration SECONDS    measured seconds per phase (default %d)
          --warmup SECONDS      unmeasured warm-up seconds per phase (default %d)
          --recipients N        distinct recipients +14155550000.. to rotate through,
                                1..10000 (default %d)
          --rate RPS            target requests/s per phase (default: unlimited, closed
                                loop); latency is then measured from each request's
                                scheduled start (coordinated-omission corrected)
          --verify-status N     after the send phase, look up N accepted message ids via
                                GET /v2/message-status and report how many answered 200
                                (default 0 = skip)
          --timeout SECONDS     connect/read timeout per request (default %d)
          --client socket|jdk   socket: built-in keep-alive HTTP/1.1 client, cheapest on
                                CPU (default); jdk: java.net.http.HttpClient (needed for
                                https)
          --json                also print the report as one JSON object (last line)
          --help                print this help and exit

        Option values may be given as "--name value" or "--name=value".
        Exit status: 0 ok; 1 a phase had no successful request, or fewer than N looked-up
        ids answered 200 with --verify-status N; 2 bad arguments.
        """
        .formatted(
            DEFAULT_BASE_URL,
            TOKEN_ENV,
            DEFAULT_CONNECTIONS,
            DEFAULT_DURATION,
            DEFAULT_WARMUP,
            DEFAULT_RECIPIENTS,
            DEFAULT_TIMEOUT);
  }

  /**
   * Parses and validates command-line arguments.
   *
   * @param args the arguments
   * @param env environment variables (only {@value #TOKEN_ENV} is read)
   * @throws UsageException with a message naming the offending option
   */
  public static BenchConfig parse(String[] args, Map<String, String> env) {
    String baseUrl = DEFAULT_BASE_URL;
    String token = null;
    int connections = DEFAULT_CONNECTIONS;
    int duration = DEFAULT_DURATION;
    int warmup = DEFAULT_WARMUP;
    int recipients = DEFAULT_RECIPIENTS;
    double rate = 0;
    boolean json = false;
    int verify = 0;
    int timeout = DEFAULT_TIMEOUT;
    ClientKind client = ClientKind.SOCKET;
    Set<String> seen = new HashSet<>();

    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return new BenchConfig(true, null, null, 0, 0, 0, 0, 0, false, 0, 0, ClientKind.SOCKET);
      }
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageException("unexpected argument '" + arg + "' (options start with --)");
      }
      String name = arg;
      String inlineValue = null;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        inlineValue = arg.substring(eq + 1);
      }
      if (!seen.add(name)) {
        throw new UsageException(name + " given more than once");
      }
      switch (name) {
        case "--json" -> {
          if (inlineValue != null) {
            throw new UsageException("--json takes no value");
          }
          json = true;
        }
        default -> {
          String value;
          if (inlineValue != null) {
            value = inlineValue;
          } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            value = args[++i];
          } else {
            if (isKnownValueOption(name)) {
              throw new UsageException(name + " needs a value");
            }
            throw new UsageException("unknown option " + name + " (see --help)");
          }
          switch (name) {
            case "--base-url" -> baseUrl = value;
            case "--token" -> token = value;
            case "--connections" -> connections = intOption(name, value, 1, 10_000);
            case "--duration" -> duration = intOption(name, value, 1, 86_400);
            case "--warmup" -> warmup = intOption(name, value, 0, 86_400);
            case "--recipients" -> recipients = intOption(name, value, 1, Recipients.MAX_COUNT);
            case "--rate" -> rate = rateOption(value);
            case "--verify-status" -> verify = intOption(name, value, 0, 1_000_000);
            case "--timeout" -> timeout = intOption(name, value, 1, 3_600);
            case "--client" -> client = clientOption(value);
            default -> throw new UsageException("unknown option " + name + " (see --help)");
          }
        }
      }
    }

    if (token == null) {
      token = env.get(TOKEN_ENV);
      if (token == null || token.isEmpty()) {
        throw new UsageException("--token is required (or set the " + TOKEN_ENV + " variable)");
      }
    }
    validateToken(token);
    URI base = baseUriOption(baseUrl, client);
    return new BenchConfig(
        false,
        base,
        token,
        connections,
        duration,
        warmup,
        recipients,
        rate,
        json,
        verify,
        timeout,
        client);
  }

  /** True when {@link #rate} asks for a fixed request rate rather than a closed loop. */
  public boolean rateLimited() {
    return rate > 0;
  }

  private static boolean isKnownValueOption(String name) {
    return switch (name) {
      case "--base-url",
          "--token",
          "--connections",
          "--duration",
          "--warmup",
          "--recipients",
          "--rate",
          "--verify-status",
          "--timeout",
          "--client" ->
          true;
      default -> false;
    };
  }

  static int intOption(String name, String value, int min, int max) {
    long parsed;
    try {
      parsed = Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a whole number, got '" + value + "'");
    }
    if (parsed < min || parsed > max) {
      throw new UsageException(
          name + " must be between " + min + " and " + max + ", got " + value.trim());
    }
    return (int) parsed;
  }

  private static double rateOption(String value) {
    double parsed;
    try {
      parsed = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new UsageException(
          "--rate must be a number of requests per second, got '" + value + "'");
    }
    if (!(parsed > 0) || Double.isInfinite(parsed) || parsed > 10_000_000) {
      throw new UsageException(
          "--rate must be greater than 0 and at most 10000000 requests per second (omit it for"
              + " unlimited), got "
              + value.trim());
    }
    return parsed;
  }

  private static ClientKind clientOption(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "socket" -> ClientKind.SOCKET;
      case "jdk" -> ClientKind.JDK;
      default ->
          throw new UsageException("--client must be 'socket' or 'jdk', got '" + value + "'");
    };
  }

  private static void validateToken(String token) {
    if (token.isBlank()) {
      throw new UsageException("--token must not be empty");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new UsageException(
            "--token must consist of printable ASCII characters without spaces");
      }
    }
  }

  private static URI baseUriOption(String value, ClientKind client) {
    URI uri;
    try {
      uri = new URI(value.trim());
    } catch (URISyntaxException e) {
      throw new UsageException("--base-url is not a valid URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new UsageException(
          "--base-url must start with http:// or https://, got '" + value + "'");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new UsageException("--base-url must name a host, got '" + value + "'");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new UsageException(
          "--base-url must not contain a query, fragment or user info, got '" + value + "'");
    }
    if (scheme.equals("https") && client == ClientKind.SOCKET) {
      throw new UsageException(
          "--base-url uses https, which the socket client does not support; add --client jdk");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    try {
      return new URI(scheme + "://" + uri.getRawAuthority() + path);
    } catch (URISyntaxException e) {
      throw new UsageException("--base-url is not a valid URL: " + e.getMessage());
    }
  }

  /** The port the base URL points at, with the scheme's default filled in. */
  public int port() {
    if (baseUri.getPort() > 0) {
      return baseUri.getPort();
    }
    return "https".equals(baseUri.getScheme()) ? 443 : 80;
  }

  /** The raw path prefix of the base URL, empty or starting with '/' and without trailing '/'. */
  public String basePath() {
    String p = baseUri.getRawPath();
    return p == null ? "" : p;
  }

  /** Redacts the token so a config accidentally printed never leaks it. */
  @Override
  public String toString() {
    return "BenchConfig[baseUri="
        + baseUri
        + ", connections="
        + connections
        + ", duration="
        + durationSeconds
        + ", warmup="
        + warmupSeconds
        + ", recipients="
        + recipients
        + ", rate="
        + rate
        + ", json="
        + json
        + ", verifyStatus="
        + verifyStatus
        + ", timeout="
        + timeoutSeconds
        + ", client="
        + client
        + "]";
  }
}
