package org.openwaba.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds a multipart/form-data body as HTTP clients send it. */
public final class Multipart {

  public static final String BOUNDARY = "----openwaba-test-boundary-7d3f";
  public static final String CONTENT_TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  private final Map<String, String> fields = new LinkedHashMap<>();
  private @Nullable String filename;
  private @Nullable String fileType;
  private byte @Nullable [] file;

  public Multipart field(String name, String value) {
    fields.put(name, value);
    return this;
  }

  public Multipart file(String filename, String contentType, byte[] bytes) {
    this.filename = filename;
    this.fileType = contentType;
    this.file = bytes;
    return this;
  }

  public byte[] build() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            write(
                out,
                "--"
                    + BOUNDARY
                    + "\r\nContent-Disposition: form-data; name=\""
                    + name
                    + "\"\r\n\r\n"
                    + value
                    + "\r\n"));
    if (file != null) {
      write(
          out,
          "--"
              + BOUNDARY
              + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
              + filename
              + "\"\r\nContent-Type: "
              + fileType
              + "\r\n\r\n");
      out.writeBytes(file);
      write(out, "\r\n");
    }
    write(out, "--" + BOUNDARY + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
