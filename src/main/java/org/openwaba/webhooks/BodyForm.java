package org.openwaba.webhooks;

import java.util.Optional;

/** How a registration's POST bodies are serialised; the signature always covers the exact bytes. */
public enum BodyForm {
  /**
   * Meta's form: compact JSON, every non-ASCII character escaped as lowercase {@code \\uXXXX}
   * (astral characters as surrogate pairs), so the body is pure ASCII. The default.
   */
  META("meta"),
  /**
   * UTF-8 JSON byte-identical to what JavaScript's {@code JSON.stringify} produces for the parsed
   * body, for receivers that verify the signature over {@code JSON.stringify(req.body)}.
   */
  JSON_STRINGIFY("json_stringify");

  private final String apiName;

  BodyForm(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  public static Optional<BodyForm> byApiName(String name) {
    for (BodyForm form : values()) {
      if (form.apiName.equals(name)) {
        return Optional.of(form);
      }
    }
    return Optional.empty();
  }
}
