package org.openwaba.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenchConfigTest {
  private static final Map<String, String> NO_ENV = Map.of();

  private static BenchConfig parse(String... args) {
    return BenchConfig.parse(args, NO_ENV);
  }

  private static String refusal(String... args) {
    return assertThrows(UsageException.class, () -> parse(args)).getMessage();
  }

  @Test
  void defaults() {
    BenchConfig c = parse("--token", "t0k");
    assertFalse(c.help());
    assertEquals("http://127.0.0.1:8080", c.baseUri().toString());
    assertEquals(8080, c.port());
    assertEquals("", c.basePath());
    assertEquals("t0k", c.token());
    assertEquals(64, c.connections());
    assertEquals(30, c.durationSeconds());
    assertEquals(10, c.warmupSeconds());
    assertEquals(1000, c.recipients());
    assertEquals(0.0, c.rate());
    assertFalse(c.rateLimited());
    assertFalse(c.json());
    assertEquals(0, c.verifyStatus());
    assertEquals(30, c.timeoutSeconds());
    assertEquals(BenchConfig.ClientKind.SOCKET, c.client());
  }

  @Test
  void everyOptionBothSyntaxes() {
    BenchConfig c =
        parse(
            "--base-url=http://localhost:9090/api/",
            "--token",
            "abc.DEF-123_~+/=",
            "--connections",
            "8",
            "--duration=5",
            "--warmup",
            "0",
            "--recipients",
            "10000",
            "--rate",
            "250.5",
            "--json",
            "--verify-status",
            "100",
            "--timeout=3",
            "--client",
            "JDK");
    assertEquals("http://localhost:9090/api", c.baseUri().toString());
    assertEquals(9090, c.port());
    assertEquals("/api", c.basePath());
    assertEquals("abc.DEF-123_~+/=", c.token());
    assertEquals(8, c.connections());
    assertEquals(5, c.durationSeconds());
    assertEquals(0, c.warmupSeconds());
    assertEquals(10000, c.recipients());
    assertEquals(250.5, c.rate());
    assertTrue(c.rateLimited());
    assertTrue(c.json());
    assertEquals(100, c.verifyStatus());
    assertEquals(3, c.timeoutSeconds());
    assertEquals(BenchConfig.ClientKind.JDK, c.client());
  }

  @Test
  void tokenFromEnvironmentAndFlagWins() {
    assertEquals(
        "from-env",
        BenchConfig.parse(new String[0], Map.of(BenchConfig.TOKEN_ENV, "from-env")).token());
    assertEquals(
        "from-flag",
        BenchConfig.parse(
                new String[] {"--token", "from-flag"}, Map.of(BenchConfig.TOKEN_ENV, "from-env"))
            .token());
  }

  @Test
  void missingTokenIsRefused() {
    assertEquals("--token is required (or set the OPENWABA_TOKEN variable)", refusal());
    assertEquals(
        "--token is required (or set the OPENWABA_TOKEN variable)",
        assertThrows(
                UsageException.class,
                () -> BenchConfig.parse(new String[0], Map.of(BenchConfig.TOKEN_ENV, "")))
            .getMessage());
  }

  @Test
  void helpWinsWhereverItIs() {
    assertTrue(parse("--help").help());
    assertTrue(parse("--connections", "0", "-h").help());
    assertTrue(BenchConfig.usage().contains("--verify-status N"));
    assertTrue(BenchConfig.usage().contains("OPENWABA_TOKEN"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "--connections|0|--connections must be between 1 and 10000, got 0",
        "--connections|10001|--connections must be between 1 and 10000, got 10001",
        "--connections|many|--connections must be a whole number, got 'many'",
        "--connections|1.5|--connections must be a whole number, got '1.5'",
        "--duration|0|--duration must be between 1 and 86400, got 0",
        "--warmup|-1|--warmup must be between 0 and 86400, got -1",
        "--recipients|0|--recipients must be between 1 and 10000, got 0",
        "--recipients|10001|--recipients must be between 1 and 10000, got 10001",
        "--verify-status|-3|--verify-status must be between 0 and 1000000, got -3",
        "--timeout|0|--timeout must be between 1 and 3600, got 0",
        "--rate|0|--rate must be greater than 0 and at most 10000000 requests per second (omit it"
            + " for unlimited), got 0",
        "--rate|-5|--rate must be greater than 0 and at most 10000000 requests per second (omit it"
            + " for unlimited), got -5",
        "--rate|NaN|--rate must be greater than 0 and at most 10000000 requests per second (omit it"
            + " for unlimited), got NaN",
        "--rate|fast|--rate must be a number of requests per second, got 'fast'",
        "--client|netty|--client must be 'socket' or 'jdk', got 'netty'",
        "--base-url|ftp://host/|--base-url must start with http:// or https://, got 'ftp://host/'",
        "--base-url|localhost:8080|--base-url must start with http:// or https://, got"
            + " 'localhost:8080'",
        "--base-url|http:///v2|--base-url must name a host, got 'http:///v2'",
        "--base-url|http://h:1/?a=b|--base-url must not contain a query, fragment or user info,"
            + " got 'http://h:1/?a=b'",
        "--base-url|https://h|--base-url uses https, which the socket client does not support;"
            + " add --client jdk",
      })
  void badValuesAreRefusedWithAClearMessage(String option, String value, String message) {
    assertEquals(message, refusal("--token", "t", option, value));
    assertEquals(message, refusal("--token", "t", option + "=" + value));
  }

  @Test
  void httpsIsFineWithTheJdkClient() {
    BenchConfig c = parse("--token", "t", "--client", "jdk", "--base-url", "https://example.test");
    assertEquals(443, c.port());
  }

  @Test
  void malformedCommandLinesAreRefused() {
    assertEquals("unknown option --conections (see --help)", refusal("--conections", "3"));
    assertEquals(
        "unknown option --frobnicate (see --help)", refusal("--token", "t", "--frobnicate"));
    assertEquals("--duration needs a value", refusal("--token", "t", "--duration"));
    assertEquals("--duration needs a value", refusal("--duration", "--json", "--token", "t"));
    assertEquals(
        "--connections given more than once",
        refusal("--token", "t", "--connections", "2", "--connections=3"));
    assertEquals(
        "unexpected argument 'extra' (options start with --)", refusal("--token", "t", "extra"));
    assertEquals("--json takes no value", refusal("--token", "t", "--json=yes"));
    assertEquals(
        "--token must consist of printable ASCII characters without spaces",
        refusal("--token", "a b"));
    assertEquals(
        "--token must consist of printable ASCII characters without spaces",
        refusal("--token", "ab\r\nX-Injected: 1"));
  }

  @Test
  void toStringNeverShowsTheToken() {
    assertFalse(parse("--token", "secret-value").toString().contains("secret-value"));
  }
}
