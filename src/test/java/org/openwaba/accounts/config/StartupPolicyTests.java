package org.openwaba.accounts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openwaba.OpenWabaApplication;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.PostgresAvailableCondition;
import org.openwaba.testing.TestDatabases;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up rules: the first-start bootstrap, and refusing an unprotected production set-up. */
@ExtendWith(OutputCaptureExtension.class)
class StartupPolicyTests {

  private static final Pattern PRINTED_TOKEN = Pattern.compile("access token:\\s+(owa_\\S+)");

  private static ConfigurableApplicationContext start(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server.port=0";
    all[args.length + 1] = "--openwaba.sandbox.delivered-delay=0s";
    return SpringApplication.run(OpenWabaApplication.class, all);
  }

  @Test
  void createsADefaultAccountOnFirstStartAndPrintsItsTokenOnce(CapturedOutput output) {
    String url = TestDatabases.newSqliteUrl();
    String token;
    try (ConfigurableApplicationContext context = start("--spring.datasource.url=" + url)) {
      Matcher matcher = PRINTED_TOKEN.matcher(output.getAll());
      assertThat(matcher.find()).as("the banner prints the token").isTrue();
      token = matcher.group(1);
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      var me = new ApiClient(port).get("/v2/me", token);
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().get("messages_per_second").asInt()).isEqualTo(50);
    }
    int printedBefore = countOf(output.getAll(), token);

    try (ConfigurableApplicationContext context = start("--spring.datasource.url=" + url)) {
      assertThat(countOf(output.getAll(), token)).isEqualTo(printedBefore);
      assertThat(output.getAll().split("created a default sandbox account", -1)).hasSize(2);
    }
  }

  @Test
  void refusesAKnownWeakAdminKey() {
    assertThatThrownBy(
            () ->
                start(
                        "--spring.datasource.url=" + TestDatabases.newSqliteUrl(),
                        "--openwaba.accounts.admin-key=changeme")
                    .close())
        .hasStackTraceContaining("Refusing to start")
        .hasStackTraceContaining("known example");
  }

  @Test
  @ExtendWith(PostgresAvailableCondition.class)
  void refusesToStartOnPostgresWithoutAnAdminKey() {
    String schema = TestDatabases.newSchemaName();
    try {
      assertThatThrownBy(
              () ->
                  start(
                          "--spring.datasource.url=" + TestDatabases.newPostgresSchemaUrl(schema),
                          "--spring.datasource.username=" + TestDatabases.POSTGRES_USER)
                      .close())
          .hasStackTraceContaining("OPENWABA_ADMIN_KEY is not set");
    } finally {
      TestDatabases.dropPostgresSchema(schema);
    }
  }

  private static int countOf(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
