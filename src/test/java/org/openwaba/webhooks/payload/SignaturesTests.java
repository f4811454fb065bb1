package org.openwaba.webhooks.payload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignaturesTests {

  // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
  private static final String RFC_4231_CASE_2 =
      "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

  @Test
  void signsWithHmacSha256OfTheExactBytes() {
    byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
    assertThat(Signatures.xHubSignature256("Jefe", body)).isEqualTo(RFC_4231_CASE_2);
    assertThat(Signatures.signer("Jefe").sign(body)).isEqualTo(RFC_4231_CASE_2);
  }

  @Test
  void aSignerKeepsItsKeyAcrossManyBodiesAndThreads() throws Exception {
    Signatures.Signer signer = Signatures.signer("app-secret-0123456789");
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.US_ASCII);
        results.add(
            threads.submit(
                () ->
                    signer
                        .sign(body)
                        .equals(Signatures.xHubSignature256("app-secret-0123456789", body))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aSignerNeverShowsItsKey() {
    assertThat(Signatures.signer("app-secret-0123456789").toString()).doesNotContain("app-secret");
  }
}
