package org.openwaba.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Computes webhook signatures the way Node.js receivers do, with Node's own {@code crypto}: over
 * the raw body bytes, and over {@code JSON.stringify(JSON.parse(body))} as the specification's
 * example does. Needs {@code node} on the PATH.
 */
final class NodeVerifier {

  /** The two {@code sha256=…} values Node computed. */
  record Result(String rawMatches, String restringified) {}

  private static final String SCRIPT =
      """
      const crypto = require('crypto');
      const fs = require('fs');
      const [secret, file] = process.argv.slice(2);
      const raw = fs.readFileSync(file);
      const sign = (data) => 'sha256=' + crypto.createHmac('sha256', secret).update(data).digest('hex');
      const body = JSON.parse(raw.toString('utf8'));
      console.log(sign(raw));
      console.log(sign(JSON.stringify(body)));
      """;

  private NodeVerifier() {}

  static Result verify(String secret, byte[] body) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("openwaba-node");
    try {
      Path script = Files.writeString(dir.resolve("verify.js"), SCRIPT);
      Path file = Files.write(dir.resolve("body.json"), body);
      Process node =
          new ProcessBuilder("node", script.toString(), secret, file.toString())
              .redirectErrorStream(true)
              .start();
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
      String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(node.exitValue()).as(out).isZero();
      List<String> lines = out.lines().toList();
      return new Result(lines.get(0), lines.get(1));
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }
}
