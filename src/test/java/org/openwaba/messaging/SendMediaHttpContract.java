package org.openwaba.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openwaba.testing.ApiClient.TOKEN;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openwaba.media.SampleFiles;
import org.openwaba.testing.AdminFixtures;
import org.openwaba.testing.ApiClient;
import org.openwaba.testing.ApiClient.Response;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The seed's {@code POST /v2/send-media} as clients see it, with a real media host on loopback; run
 * on both databases. The host name {@code localhost} and plain http are allowed here, as an
 * operator would for development; 127.0.0.1 itself stays refused.
 */
@TestPropertySource(
    properties = {
      "openwaba.platform.outbound.allowed-hosts=localhost",
      "openwaba.platform.outbound.allow-http=true"
    })
abstract class SendMediaHttpContract {

  @LocalServerPort int port;
  ApiClient api;
  HttpServer host;
  int hostPort;

  @BeforeEach
  void start() throws IOException {
    api = new ApiClient(port);
    host = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    serve("/photo.jpg", SampleFiles.jpeg(320, 240));
    serve("/files/report", SampleFiles.pdf());
    serve("/clip.mp4", SampleFiles.mp4(45, 2000));
    serve("/voice.ogg", SampleFiles.oggOpus());
    serve("/long-voice.ogg", SampleFiles.oggOpus(95));
    serve("/empty.jpg", new byte[0]);
    serve("/smile.webp", SampleFiles.webpStatic(512, 512, 5000));
    serve("/image.png", SampleFiles.png(10, 10));
    host.createContext(
        "/to-loopback",
        exchange -> {
          exchange
              .getResponseHeaders()
              .add("Location", "http://127.0.0.1:" + hostPort + "/photo.jpg");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    host.start();
    hostPort = host.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    host.stop(0);
  }

  private void serve(String path, byte[] body) {
    host.createContext(path, exchange -> send(exchange, body));
  }

  private static void send(HttpExchange exchange, byte[] body) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  String hostUrl(String path) {
    return "http://localhost:" + hostPort + path;
  }

  Response sendMedia(String token, Map<String, Object> body) {
    return api.postJson("/v2/send-media", token, ApiClient.json(body));
  }

  static Map<String, Object> media(String to, String type, String url) {
    Map<String, Object> body = new HashMap<>();
    body.put("phone_number", to);
    body.put("media_type", type);
    body.put("media_url", url);
    return body;
  }

  JsonNode onlyMessageOn(String device) {
    Response listed = api.get("/v2/sandbox/devices/" + device + "/messages", TOKEN);
    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonNode data = listed.json().get("data");
    assertThat(data).hasSize(1);
    return data.get(0);
  }

  static void assertError(Response response, int status, int code, String detailsPart) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    JsonNode body = response.json();
    assertThat(body.get("status").asString()).isEqualTo("error");
    assertThat(body.get("error_code").asInt()).isEqualTo(code);
    assertThat(body.get("details").asString()).contains(detailsPart);
    assertThat(response.body()).doesNotContain("Exception");
  }

  @Test
  void sendsAnImageFromAUrlWithACaptionToASandboxDevice() throws Exception {
    String device = "+14155550101";
    Map<String, Object> body = media(device, "image", hostUrl("/photo.jpg"));
    body.put("caption", "This is our *new product*");

    Response response = sendMedia(TOKEN, body);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode answer = response.json();
    assertThat(answer.get("status").asString()).isEqualTo("success");
    assertThat(answer.get("message_id").asString()).startsWith("wamid.");
    assertThat(answer.get("recipient").asString()).isEqualTo(device);
    String mediaId = answer.get("media_id").asString();

    JsonNode received = onlyMessageOn(device);
    assertThat(received.get("message_id").asString())
        .isEqualTo(answer.get("message_id").asString());
    assertThat(received.get("type").asString()).isEqualTo("image");
    assertThat(received.get("body").asString()).isEqualTo("This is our *new product*");
    assertThat(received.get("formatting").get(1).get("styles").get(0).asString()).isEqualTo("bold");
    JsonNode media = received.get("media");
    assertThat(media.get("id").asString()).isEqualTo(mediaId);
    assertThat(media.get("mime_type").asString()).isEqualTo("image/jpeg");
    byte[] jpeg = SampleFiles.jpeg(320, 240);
    assertThat(media.get("sha256").asString())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg)));
    assertThat(media.get("file_size").asLong()).isEqualTo(jpeg.length);

    JsonNode metadata = api.get("/v2/media/" + mediaId, TOKEN).json();
    assertThat(metadata.get("mime_type").asString()).isEqualTo("image/jpeg");

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        api.get(
                                "/v2/message-status?message_id="
                                    + answer.get("message_id").asString(),
                                TOKEN)
                            .json()
                            .get("status")
                            .asString())
                    .isEqualTo("read"));
  }

  @Test
  void aDocumentIsReceivedWithAFilenameCarryingItsExtension() {
    String device = "+14155550102";
    Map<String, Object> body = media(device, "document", hostUrl("/files/report"));
    body.put("caption", "Your invoice");
    assertThat(sendMedia(TOKEN, body).status()).isEqualTo(200);

    JsonNode received = onlyMessageOn(device);
    assertThat(received.get("type").asString()).isEqualTo("document");
    assertThat(received.get("media").get("filename").asString()).isEqualTo("report.pdf");
    assertThat(received.get("media").get("mime_type").asString()).isEqualTo("application/pdf");

    Map<String, Object> named = media("+14155550117", "document", hostUrl("/files/report"));
    named.put("filename", "Invoice March.docx");
    assertThat(sendMedia(TOKEN, named).status()).isEqualTo(200);
    assertThat(onlyMessageOn("+14155550117").get("media").get("filename").asString())
        .isEqualTo("Invoice March.pdf");
  }

  @Test
  void sendsAudioAndStickersWithoutCaption() {
    assertThat(sendMedia(TOKEN, media("+14155550103", "audio", hostUrl("/voice.ogg"))).status())
        .isEqualTo(200);
    assertThat(onlyMessageOn("+14155550103").get("media").get("mime_type").asString())
        .isEqualTo("audio/ogg");
    assertThat(sendMedia(TOKEN, media("+14155550104", "sticker", hostUrl("/smile.webp"))).status())
        .isEqualTo(200);
    assertThat(onlyMessageOn("+14155550104").get("media").get("mime_type").asString())
        .isEqualTo("image/webp");
  }

  @Test
  void aLongVideoIsSentWithAWarningThatItWillNotAutoplay() {
    Response response = sendMedia(TOKEN, media("+14155550105", "video", hostUrl("/clip.mp4")));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("warnings").get(0).asString()).contains("45 s").contains("30 s");
  }

  @Test
  void longAudioIsSentWithAVoiceNoteWarning() {
    Response response =
        sendMedia(TOKEN, media("+14155550115", "audio", hostUrl("/long-voice.ogg")));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("warnings").get(0).asString()).contains("95 s");
  }

  @Test
  void refusesAnEmptyFileAtTheUrl() {
    assertError(
        sendMedia(TOKEN, media("+14155550116", "image", hostUrl("/empty.jpg"))),
        400,
        131053,
        "empty");
  }

  @Test
  void sendsUploadedMediaById() {
    Response uploaded =
        api.send(
            "POST",
            "/v2/media",
            Map.of(
                "Authorization",
                "Bearer " + TOKEN,
                "Content-Type",
                "multipart/form-data; boundary=b0undary"),
            multipart(SampleFiles.png(12, 12)));
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
    String mediaId = uploaded.json().get("id").asString();

    Map<String, Object> body = new HashMap<>();
    body.put("phone_number", "+14155550106");
    body.put("media_type", "image");
    body.put("media_id", mediaId);
    Response response = sendMedia(TOKEN, body);

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().get("media_id").asString()).isEqualTo(mediaId);
    assertThat(onlyMessageOn("+14155550106").get("media").get("id").asString()).isEqualTo(mediaId);

    body.put("media_type", "video");
    assertError(sendMedia(TOKEN, body), 400, 131053, "not video");

    String other = AdminFixtures.createAccount(api, "Media other " + System.nanoTime(), 10);
    AdminFixtures.addUniqueNumber(api, other, "+1202555");
    body.put("media_type", "image");
    Response foreign = sendMedia(AdminFixtures.issueToken(api, other), body);
    assertError(foreign, 404, 190404, "No media with id " + mediaId);
  }

  private static byte[] multipart(byte[] png) {
    byte[] head =
        ("--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
            .getBytes();
    byte[] tail = "\r\n--b0undary--\r\n".getBytes();
    byte[] all = new byte[head.length + png.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(png, 0, all, head.length, png.length);
    System.arraycopy(tail, 0, all, head.length + png.length, tail.length);
    return all;
  }

  @Test
  void aCaptionOnAudioOrAStickerIsRefusedSayingSo() {
    Map<String, Object> audio = media("+14155550107", "audio", hostUrl("/voice.ogg"));
    audio.put("caption", "listen");
    assertError(sendMedia(TOKEN, audio), 400, 132000, "caption is not allowed for audio messages");
    Map<String, Object> sticker = media("+14155550107", "sticker", hostUrl("/smile.webp"));
    sticker.put("caption", "hi");
    assertError(
        sendMedia(TOKEN, sticker), 400, 132000, "caption is not allowed for sticker messages");
  }

  @Test
  void acceptsACaptionOf1024CharactersAndRefuses1025() {
    Map<String, Object> body = media("+14155550108", "image", hostUrl("/photo.jpg"));
    body.put("caption", "a".repeat(1024));
    assertThat(sendMedia(TOKEN, body).status()).isEqualTo(200);
    body.put("caption", "a".repeat(1025));
    assertError(sendMedia(TOKEN, body), 400, 132000, "1025 characters; the limit is 1024");
  }

  @Test
  void requiresExactlyOneOfMediaUrlAndMediaId() {
    Map<String, Object> both = media("+14155550109", "image", hostUrl("/photo.jpg"));
    both.put("media_id", "123456789012345");
    assertError(sendMedia(TOKEN, both), 400, 132000, "not both");
    Map<String, Object> neither = new HashMap<>();
    neither.put("phone_number", "+14155550109");
    neither.put("media_type", "image");
    assertError(sendMedia(TOKEN, neither), 400, 132000, "media_url");
  }

  @Test
  void refusesAnUnknownMediaType() {
    assertError(
        sendMedia(TOKEN, media("+14155550110", "gif", hostUrl("/photo.jpg"))),
        400,
        132000,
        "media_type must be one of image, video, document, audio, sticker");
  }

  @Test
  void refusesAFileOfAnotherTypeNamingWhatItIs() {
    assertError(
        sendMedia(TOKEN, media("+14155550111", "video", hostUrl("/image.png"))),
        400,
        131053,
        "the file is image/png (image), not video");
    assertThat(api.get("/v2/sandbox/devices/+14155550111/messages", TOKEN).json().get("data"))
        .isEmpty();
  }

  @Test
  void refusesARedirectToALoopbackAddress() {
    assertError(
        sendMedia(TOKEN, media("+14155550112", "image", hostUrl("/to-loopback"))),
        400,
        131053,
        "refused");
  }

  @Test
  void refusesAHostThatDoesNotResolve() {
    assertError(
        sendMedia(TOKEN, media("+14155550113", "image", "https://media.invalid/a.jpg")),
        400,
        131053,
        "media.invalid");
  }

  @Test
  void limitsAnAccountToItsMessagesPerSecondBeforeFetchingAnything() {
    AtomicInteger fetches = new AtomicInteger();
    byte[] jpeg = SampleFiles.jpeg(8, 8);
    host.createContext(
        "/counted.jpg",
        exchange -> {
          fetches.incrementAndGet();
          send(exchange, jpeg);
        });
    String account = AdminFixtures.createAccount(api, "Media limit " + System.nanoTime(), 1);
    AdminFixtures.addUniqueNumber(api, account, "+1202555");
    String token = AdminFixtures.issueToken(api, account);
    Map<String, Object> body = media("+14155550118", "image", hostUrl("/counted.jpg"));

    assertThat(sendMedia(token, body).status()).isEqualTo(200);
    Response limited = sendMedia(token, body);

    assertError(limited, 429, 133000, "1 messages per second");
    assertThat(fetches).hasValue(1);
  }

  @Test
  void requiresAToken() {
    assertThat(
            api.postJson(
                    "/v2/send-media",
                    null,
                    ApiClient.json(media("+14155550114", "image", hostUrl("/photo.jpg"))))
                .status())
        .isEqualTo(401);
  }
}
