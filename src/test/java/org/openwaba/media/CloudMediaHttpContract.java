package org.openwaba.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openwaba.testing.ApiClient.TOKEN;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.openwaba.testing.Multipart;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Cloud API's media endpoints as Meta's SDKs call them: {@code POST
 * /{version}/{phone_number_id}/media}, {@code GET} and {@code DELETE /{version}/{media_id}}, and
 * the download of the returned url. Meta's shapes and error envelope only. Run on both databases.
 */
abstract class CloudMediaHttpContract {

  /** The bootstrap account's number, from application-test.yml. */
  static final String PHONE_NUMBER_ID = "100000000000002";

  static final String UPLOAD = "/v24.0/" + PHONE_NUMBER_ID + "/media";

  @LocalServerPort int port;
  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  Response upload(String token, String path, Multipart form) {
    return api.send(
        "POST",
        path,
        Map.of("Authorization", "Bearer " + token, "Content-Type", Multipart.CONTENT_TYPE),
        form.build());
  }

  String uploaded(Multipart form) {
    Response response = upload(TOKEN, UPLOAD, form);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().propertyNames()).containsExactly("id");
    return response.json().get("id").asString();
  }

  static Multipart whatsapp() {
    return new Multipart().field("messaging_product", "whatsapp");
  }

  static JsonNode assertGraphError(Response response, int httpStatus, int code, String details) {
    assertThat(response.status()).as(response.body()).isEqualTo(httpStatus);
    assertThat(response.json().propertyNames()).containsExactly("error");
    JsonNode error = response.json().get("error");
    assertThat(error.get("code").asInt()).as(response.body()).isEqualTo(code);
    assertThat(error.get("message").asString()).startsWith("(#" + code + ") ");
    assertThat(error.get("type").asString()).isEqualTo("OAuthException");
    assertThat(error.get("error_data").get("details").asString()).contains(details);
    return error;
  }

  static void assertNoSuchObject(Response response, String details) {
    assertThat(assertGraphError(response, 400, 100, details).get("error_subcode").asInt())
        .isEqualTo(33);
  }

  /** A new account with one sandbox number: its token and that number's id. */
  record OtherAccount(String token, String phoneNumberId) {}

  OtherAccount otherAccount() {
    String accountId = AdminFixtures.createAccount(api, "Other " + System.nanoTime(), 10);
    AdminFixtures.addUniqueNumber(api, accountId, "+1202555");
    String token = AdminFixtures.issueToken(api, accountId);
    Response numbers = api.get("/v24.0/" + accountId + "/phone_numbers", token);
    assertThat(numbers.status()).as(numbers.body()).isEqualTo(200);
    return new OtherAccount(token, numbers.json().get("data").get(0).get("id").asString());
  }

  @Test
  void uploadsAnImageAndAnswersItsMetadataInMetasShape() throws Exception {
    byte[] png = SampleFiles.png(64, 48);
    String id = uploaded(whatsapp().field("type", "image/png").file("p.png", "image/png", png));
    assertThat(Long.parseLong(id)).isBetween(1L, (1L << 53) - 1);

    Response metadata = api.get("/v24.0/" + id, TOKEN);

    assertThat(metadata.status()).as(metadata.body()).isEqualTo(200);
    JsonNode body = metadata.json();
    assertThat(body.propertyNames())
        .containsExactly("messaging_product", "url", "mime_type", "sha256", "file_size", "id");
    assertThat(body.get("messaging_product").asString()).isEqualTo("whatsapp");
    assertThat(body.get("url").asString())
        .isEqualTo("http://127.0.0.1:" + port + "/v2/media/" + id + "/download");
    assertThat(body.get("mime_type").asString()).isEqualTo("image/png");
    assertThat(body.get("sha256").asString()).isEqualTo(MediaApiHttpContract.sha256(png));
    assertThat(body.get("file_size").asString()).isEqualTo(Integer.toString(png.length));
    assertThat(body.get("id").asString()).isEqualTo(id);
    assertThat(api.get("/v2/media/" + id, TOKEN).status())
        .as("one library behind both doors")
        .isEqualTo(200);
  }

  @Test
  void answersMetadataForTheCallersPhoneNumberIdAndSelectedFields() {
    String id = uploaded(whatsapp().file("n.txt", "text/plain", SampleFiles.text()));

    Response withNumber = api.get("/v24.0/" + id + "?phone_number_id=" + PHONE_NUMBER_ID, TOKEN);
    assertThat(withNumber.status()).as(withNumber.body()).isEqualTo(200);
    assertThat(withNumber.json().get("mime_type").asString()).isEqualTo("text/plain");

    Response selected = api.get("/v24.0/" + id + "?fields=url", TOKEN);
    assertThat(selected.status()).as(selected.body()).isEqualTo(200);
    assertThat(selected.json().propertyNames()).containsExactlyInAnyOrder("url", "id");

    assertNoSuchObject(
        api.get("/v24.0/" + id + "?phone_number_id=" + otherAccount().phoneNumberId(), TOKEN),
        "does not exist");
    assertNoSuchObject(api.get("/v24.0/" + id + "?phone_number_id=abc", TOKEN), "abc");
  }

  @Test
  void theUrlDownloadsWithTheBearerTokenTypeLengthAndFilename() throws Exception {
    byte[] pdf = SampleFiles.pdf();
    String id = uploaded(whatsapp().file("invoice 7", "application/pdf", pdf));
    String url = api.get("/v24.0/" + id, TOKEN).json().get("url").asString();

    HttpResponse<byte[]> response = MediaApiHttpContract.download(url, TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(pdf);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(pdf.length));
    assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename=\"invoice 7.pdf\"");
  }

  @Test
  void deletesMediaSoThatItIsGoneEverywhere() throws Exception {
    String id = uploaded(whatsapp().file("a.png", "image/png", SampleFiles.png(9, 9)));
    String url = api.get("/v24.0/" + id, TOKEN).json().get("url").asString();

    Response deleted = api.delete("/v24.0/" + id + "?phone_number_id=" + PHONE_NUMBER_ID, TOKEN);

    assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
    assertThat(deleted.json().propertyNames()).containsExactly("success");
    assertThat(deleted.json().get("success").asBoolean()).isTrue();
    assertNoSuchObject(api.get("/v24.0/" + id, TOKEN), id);
    assertNoSuchObject(api.delete("/v24.0/" + id, TOKEN), id);
    assertThat(MediaApiHttpContract.download(url, TOKEN).statusCode()).isEqualTo(404);
  }

  @Test
  void anotherAccountCannotReadDeleteOrUploadToTheNumber() throws Exception {
    String id = uploaded(whatsapp().file("a.png", "image/png", SampleFiles.png(9, 9)));
    OtherAccount other = otherAccount();

    assertNoSuchObject(api.get("/v24.0/" + id, other.token()), id);
    assertNoSuchObject(api.delete("/v24.0/" + id, other.token()), id);
    String url = api.get("/v24.0/" + id, TOKEN).json().get("url").asString();
    assertThat(MediaApiHttpContract.download(url, other.token()).statusCode()).isEqualTo(404);
    assertNoSuchObject(
        upload(other.token(), UPLOAD, whatsapp().file("b.png", "image/png", SampleFiles.png(2, 2))),
        PHONE_NUMBER_ID);
    assertNoSuchObject(
        api.delete("/v24.0/" + id + "?phone_number_id=" + other.phoneNumberId(), TOKEN),
        other.phoneNumberId());

    assertThat(api.get("/v24.0/" + id, TOKEN).status()).as("still the owner's").isEqualTo(200);
  }

  @Test
  void takesAnImageOfExactlyFiveMegabytesAndRefusesOneByteMoreWith131053() {
    int limit = (int) MediaKind.IMAGE.maxBytes();
    uploaded(whatsapp().file("max.png", "image/png", SampleFiles.pngOfSize(limit)));

    assertGraphError(
        upload(
            TOKEN,
            UPLOAD,
            whatsapp().file("over.png", "image/png", SampleFiles.pngOfSize(limit + 1))),
        400,
        131053,
        "over the limit of 5,000,000 bytes for image");
  }

  @Test
  void refusesMediaThatIsNotWhatItDeclaresWith131053() {
    assertGraphError(
        upload(
            TOKEN,
            UPLOAD,
            whatsapp()
                .field("type", "application/pdf")
                .file("invoice.pdf", "application/pdf", SampleFiles.executable())),
        400,
        131053,
        "not application/pdf");
    assertGraphError(
        upload(TOKEN, UPLOAD, whatsapp().file("empty.png", "image/png", new byte[0])),
        400,
        131053,
        "empty");
  }

  @Test
  void requiresMessagingProductWhatsappAndAFile() {
    byte[] png = SampleFiles.png(4, 4);
    assertGraphError(
        upload(TOKEN, UPLOAD, new Multipart().file("a.png", "image/png", png)),
        400,
        131008,
        "messaging_product is required");
    assertGraphError(
        upload(
            TOKEN,
            UPLOAD,
            new Multipart().field("messaging_product", "sms").file("a.png", "image/png", png)),
        400,
        131009,
        "was 'sms'");
    assertGraphError(upload(TOKEN, UPLOAD, whatsapp()), 400, 131008, "'file'");
    assertGraphError(
        upload(TOKEN, UPLOAD, whatsapp().field("caption", "x").file("a.png", "image/png", png)),
        400,
        100,
        "caption");
  }

  @Test
  void acceptsMessagingProductAsAQueryParameterAsWhatsappApiJsSendsIt() {
    Response response =
        upload(
            TOKEN,
            UPLOAD + "?messaging_product=whatsapp",
            new Multipart().file("a.jpg", "image/jpeg", SampleFiles.jpeg(8, 8)));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    String id = response.json().get("id").asString();
    assertThat(api.get("/v24.0/" + id, TOKEN).json().get("mime_type").asString())
        .isEqualTo("image/jpeg");
  }

  @Test
  void unknownIdsAndNumbersAreObjectsThatDoNotExist() {
    assertNoSuchObject(api.get("/v24.0/123456789012345", TOKEN), "123456789012345");
    assertNoSuchObject(api.delete("/v24.0/123456789012345", TOKEN), "123456789012345");
    assertNoSuchObject(api.delete("/v24.0/not-a-number", TOKEN), "not-a-number");
    assertNoSuchObject(
        upload(
            TOKEN,
            "/v24.0/100000000000099/media",
            whatsapp().file("a.png", "image/png", SampleFiles.png(2, 2))),
        "100000000000099");
  }

  @Test
  void deletingAPhoneNumberIdDeletesNothing() {
    assertNoSuchObject(api.delete("/v24.0/" + PHONE_NUMBER_ID, TOKEN), PHONE_NUMBER_ID);
    assertThat(api.get("/v24.0/" + PHONE_NUMBER_ID, TOKEN).status()).isEqualTo(200);
  }

  @Test
  void answersABadOrMissingTokenWith190() {
    String id = uploaded(whatsapp().file("a.png", "image/png", SampleFiles.png(3, 3)));
    String bad = "owa_not_a_real_token_0123456789abcdefghijklmnop";
    byte[] form = whatsapp().file("a.png", "image/png", SampleFiles.png(2, 2)).build();

    assertGraphError(upload(bad, UPLOAD, whatsapp()), 401, 190, "");
    assertGraphError(
        api.send("POST", UPLOAD, Map.of("Content-Type", Multipart.CONTENT_TYPE), form),
        401,
        190,
        "");
    assertGraphError(api.get("/v24.0/" + id, bad), 401, 190, "");
    assertGraphError(api.delete("/v24.0/" + id, bad), 401, 190, "");
    assertThat(api.get("/v24.0/" + id, TOKEN).status()).isEqualTo(200);
  }
}
