package org.openwaba.messaging.content;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.platform.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One parameter of a template message component, in Meta's shape (reference/cloud-api.md §2.8).
 *
 * @param type {@code text}, {@code currency}, {@code date_time}, {@code payload}, {@code
 *     coupon_code}, or a header's {@code image}, {@code video}, {@code document}, {@code location}
 * @param path the parameter's full path, for error details
 * @param name its {@code parameter_name}, which a {@code NAMED} template's header and body text
 *     parameters carry and nothing else does
 * @param node the parameter object as sent (media and location are read by the header)
 * @param value what fills a placeholder or a button: the text, a fallback value, a payload or a
 *     code; empty for media and location
 * @param clean the parameter holding only the fields Meta defines
 */
record TemplateParameter(
    String type,
    String path,
    @Nullable String name,
    JsonNode node,
    String value,
    ObjectNode clean) {

  static final List<String> TYPES =
      List.of(
          "text",
          "currency",
          "date_time",
          "image",
          "video",
          "document",
          "location",
          "payload",
          "coupon_code");

  /** Longest quick-reply payload; Meta publishes none, so it matches a body text parameter. */
  static final int MAX_PAYLOAD = 1024;

  /** Meta's limit for a copy-code button's code (reference/cloud-api.md §6.3). */
  static final int MAX_COUPON_CODE = 15;

  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * Reads a parameter object.
   *
   * @param maxText the limit for a {@code text} parameter here: 60 in a header, 1,024 or 32,768 in
   *     a body, 2,000 for a URL suffix
   */
  static TemplateParameter read(JsonNode node, String path, int maxText) {
    JsonNode parameter = JsonFields.object(node, path);
    String type = JsonFields.text(parameter, "type", path, 64).toLowerCase(Locale.ROOT);
    // Whether the name fits the template is NamedParameters' job, which knows the template; the
    // limit here only bounds what an error message may quote.
    String name = JsonFields.optionalText(parameter, "parameter_name", path, 512);
    ObjectNode clean = NODES.objectNode().put("type", type);
    if (name != null) {
      clean.put("parameter_name", name);
    }
    String value =
        switch (type) {
          case "text" -> {
            String text = JsonFields.text(parameter, "text", path, maxText);
            clean.put("text", text);
            yield text;
          }
          case "currency" -> currency(parameter, path, clean);
          case "date_time" -> {
            String objectPath = JsonFields.path(path, "date_time");
            JsonNode dateTime = JsonFields.object(parameter.get("date_time"), objectPath);
            String fallback = JsonFields.text(dateTime, "fallback_value", objectPath, maxText);
            clean.putObject("date_time").put("fallback_value", fallback);
            yield fallback;
          }
          case "payload" -> {
            String payload = JsonFields.text(parameter, "payload", path, MAX_PAYLOAD);
            clean.put("payload", payload);
            yield payload;
          }
          case "coupon_code" -> {
            String code = JsonFields.text(parameter, "coupon_code", path, MAX_COUPON_CODE);
            clean.put("coupon_code", code);
            yield code;
          }
          case "image", "video", "document", "location" -> "";
          default ->
              throw JsonFields.invalid(
                  JsonFields.path(path, "type"),
                  path
                      + ".type must be one of "
                      + String.join(", ", TYPES)
                      + "; was '"
                      + type
                      + "'");
        };
    return new TemplateParameter(type, path, name, parameter, value, clean);
  }

  /** Refuses a parameter of a type this place does not take (Meta's 132000 on the Cloud door). */
  void requireType(List<String> allowed, String where) {
    if (!allowed.contains(type)) {
      throw new InvalidRequestException(
          ErrorCode.TEMPLATE_PARAMETERS,
          "Template parameter type mismatch",
          path
              + " is of type "
              + type
              + ", but "
              + where
              + " takes "
              + String.join(" or ", allowed));
    }
  }

  private static String currency(JsonNode parameter, String path, ObjectNode clean) {
    String objectPath = JsonFields.path(path, "currency");
    JsonNode currency = JsonFields.object(parameter.get("currency"), objectPath);
    String fallback = JsonFields.text(currency, "fallback_value", objectPath, 1024);
    String code = JsonFields.text(currency, "code", objectPath, 3);
    String codePath = JsonFields.path(objectPath, "code");
    if (!CURRENCY_CODE.matcher(code).matches() || !isoCurrency(code)) {
      throw JsonFields.invalid(
          codePath,
          codePath + " must be an ISO 4217 currency code such as USD, was '" + code + "'");
    }
    String amountPath = JsonFields.path(objectPath, "amount_1000");
    JsonNode amount = currency.get("amount_1000");
    if (JsonFields.absent(amount)) {
      throw JsonFields.missing(amountPath);
    }
    if (!amount.isIntegralNumber() || !amount.canConvertToLong() || amount.longValue() <= 0) {
      throw JsonFields.invalid(
          amountPath,
          amountPath + " must be a positive integer: the amount times 1000 (100990 for 100.99)");
    }
    clean
        .putObject("currency")
        .put("fallback_value", fallback)
        .put("code", code)
        .put("amount_1000", amount.longValue());
    return fallback;
  }

  private static boolean isoCurrency(String code) {
    try {
      Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
