package org.openwaba.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.TOKEN;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.openwaba.testing.Multipart;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The media API of the seed door as clients see it; run on both databases. */
abstract class MediaApiHttpContract {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  Response upload(String token, Multipart form) {
    return api.send("POST", "/v2/media", headers(token), form.build());
  }

  private static Map<String, String> headers(String token) {
    return Map.of("Authorization", "Bearer " + token, "Content-Type", Multipart.CONTENT_TYPE);
  }

  String uploadedId(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().get("id").asString();
  }

  /** A download: the raw bytes and headers of GET url with the token and extra headers. */
  static HttpResponse<byte[]> download(String url, String token, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  static void assertRejected(Response response, String detailsPart) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    JsonNode body = response.json();
    assertThat(body.get("status").asString()).isEqualTo("error");
    assertThat(body.get("error_code").asInt()).isEqualTo(131053);
    assertThat(body.get("details").asString()).contains(detailsPart);
  }

  @Test
  void uploadsAnImageAndAnswersItsMetadataInTheCloudApisShape() throws Exception {
    byte[] png = SampleFiles.png(640, 480);
    String id =
        uploadedId(
            upload(
                TOKEN,
                new Multipart()
                    .field("messaging_product", "whatsapp")
                    .field("type", "image/png")
                    .file("photo.png", "image/png", png)));
    assertThat(Long.parseLong(id)).isPositive().isLessThanOrEqualTo((1L << 53) - 1);

    Response metadata = api.get("/v2/media/" + id, TOKEN);
    assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
    JsonNode body = metadata.json();
    assertThat(body.get("messaging_product").asString()).isEqualTo("whatsapp");
    assertThat(body.get("id").asString()).isEqualTo(id);
    assertThat(body.get("mime_type").asString()).isEqualTo("image/png");
    assertThat(body.get("sha256").asString()).isEqualTo(sha256(png));
    assertThat(body.get("file_size").asString()).isEqualTo(Integer.toString(png.length));
    assertThat(body.get("width").asInt()).isEqualTo(640);
    assertThat(body.get("height").asInt()).isEqualTo(480);
    assertThat(body.get("url").asString())
        .isEqualTo("http://127.0.0.1:" + port + "/v2/media/" + id + "/download");
  }

  @Test
  void downloadsTheBytesWithTypeLengthAndFilename() throws Exception {
    byte[] pdf = SampleFiles.pdf();
    String id =
        uploadedId(upload(TOKEN, new Multipart().file("invoice 7", "application/pdf", pdf)));
    String url = api.get("/v2/media/" + id, TOKEN).json().get("url").asString();

    HttpResponse<byte[]> response = download(url, TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(pdf);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(pdf.length));
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("filename=\"invoice 7.pdf\"");
    assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
  }

  @Test
  void servesByteRanges() throws Exception {
    byte[] jpeg = SampleFiles.jpeg(200, 100);
    String id = uploadedId(upload(TOKEN, new Multipart().file("a.jpg", "image/jpeg", jpeg)));
    String url = api.get("/v2/media/" + id, TOKEN).json().get("url").asString();

    HttpResponse<byte[]> part = download(url, TOKEN, "Range", "bytes=10-19");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(jpeg, 10, 20));
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + jpeg.length);

    HttpResponse<byte[]> beyond =
        download(url, TOKEN, "Range", "bytes=" + (jpeg.length + 10) + "-");
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */" + jpeg.length);
  }

  @Test
  void deletedMediaIsGoneForMetadataAndDownload() throws Exception {
    String id =
        uploadedId(upload(TOKEN, new Multipart().file("n.txt", "text/plain", SampleFiles.text())));
    String url = api.get("/v2/media/" + id, TOKEN).json().get("url").asString();

    Response deleted = api.delete("/v2/media/" + id, TOKEN);
    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(deleted.json().get("success").asBoolean()).isTrue();

    assertThat(api.get("/v2/media/" + id, TOKEN).status()).isEqualTo(404);
    assertThat(download(url, TOKEN).statusCode()).isEqualTo(404);
    assertThat(api.delete("/v2/media/" + id, TOKEN).status()).isEqualTo(404);
  }

  @Test
  void anotherAccountsMediaIsNotFound() throws Exception {
    String id =
        uploadedId(
            upload(TOKEN, new Multipart().file("a.png", "image/png", SampleFiles.png(9, 9))));
    String other = AdminFixtures.createAccount(api, "Other " + System.nanoTime(), 10);
    String otherToken = AdminFixtures.issueToken(api, other);

    Response metadata = api.get("/v2/media/" + id, otherToken);
    assertThat(metadata.status()).isEqualTo(404);
    assertThat(metadata.json().get("error_code").asInt()).isEqualTo(190404);
    assertThat(
            download("http://127.0.0.1:" + port + "/v2/media/" + id + "/download", otherToken)
                .statusCode())
        .isEqualTo(404);
    assertThat(api.delete("/v2/media/" + id, otherToken).status()).isEqualTo(404);
    assertThat(api.get("/v2/media/" + id, TOKEN).status()).isEqualTo(200);
  }

  @Test
  void refusesAnExecutableDeclaredAsPdfNamingWhatItIs() {
    Response response =
        upload(
            TOKEN,
            new Multipart()
                .field("type", "application/pdf")
                .file("invoice.pdf", "application/pdf", SampleFiles.executable()));
    assertRejected(response, "the file is application/");
    assertThat(response.json().get("details").asString()).contains("not application/pdf");
  }

  @Test
  void refusesAnEmptyFile() {
    assertRejected(
        upload(TOKEN, new Multipart().file("empty.png", "image/png", new byte[0])), "empty");
  }

  @Test
  void refusesATruncatedFile() {
    byte[] png = SampleFiles.png(50, 50);
    assertRejected(
        upload(
            TOKEN,
            new Multipart()
                .file("cut.png", "image/png", SampleFiles.truncated(png, png.length - 4))),
        "truncated");
  }

  @Test
  void refusesAnImageOneByteOverFiveMegabytesButTakesExactlyFive() {
    uploadedId(
        upload(
            TOKEN,
            new Multipart()
                .file(
                    "max.png",
                    "image/png",
                    SampleFiles.pngOfSize((int) MediaKind.IMAGE.maxBytes()))));
    assertRejected(
        upload(
            TOKEN,
            new Multipart()
                .file(
                    "over.png",
                    "image/png",
                    SampleFiles.pngOfSize((int) MediaKind.IMAGE.maxBytes() + 1))),
        "over the limit of 5,000,000 bytes for image");
  }

  @Test
  void requiresAFilePartAndATokenAndUnknownIdsAreNotFound() {
    Response noFile = upload(TOKEN, new Multipart().field("messaging_product", "whatsapp"));
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.json().get("details").asString()).contains("'file'");
    assertThat(
            api.send(
                    "POST",
                    "/v2/media",
                    Map.of("Content-Type", Multipart.CONTENT_TYPE),
                    new Multipart().file("a.png", "image/png", SampleFiles.png(2, 2)).build())
                .status())
        .isEqualTo(401);
    assertThat(api.get("/v2/media/123456789012345", TOKEN).status()).isEqualTo(404);
    assertThat(api.get("/v2/media/not-a-number", TOKEN).status()).isEqualTo(404);
  }
}
