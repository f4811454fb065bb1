package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openwaba.platform.InvalidRequestException;

class TemplateRulesTests {

  static TemplateComponent body(String text, String... samples) {
    TemplateExample example =
        samples.length == 0 ? null : new TemplateExample(null, List.of(List.of(samples)), null);
    return new TemplateComponent("BODY", null, text, null, example);
  }

  static NewTemplate template(String name, TemplateComponent... components) {
    return new NewTemplate(name, "en_US", "UTILITY", List.of(components));
  }

  static TemplateButton quickReply(String text) {
    return new TemplateButton("QUICK_REPLY", text, null, null, null);
  }

  static TemplateButton url(String url) {
    return new TemplateButton("URL", "Open", url, null, List.of("https://example.com/x"));
  }

  static TemplateButton phone() {
    return new TemplateButton("PHONE_NUMBER", "Call", null, "+12025550100", null);
  }

  static TemplateComponent buttons(List<TemplateButton> buttons) {
    return new TemplateComponent("BUTTONS", null, null, buttons, null);
  }

  private static void refused(NewTemplate template, String details) {
    assertThatThrownBy(() -> TemplateRules.check(template))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).details())
        .isEqualTo(details);
  }

  @Test
  void acceptsAFullTemplate() {
    NewTemplate template =
        new NewTemplate(
            "order_update_2",
            "en_US",
            "utility",
            List.of(
                new TemplateComponent(
                    "HEADER",
                    "TEXT",
                    "Order {{1}}",
                    null,
                    new TemplateExample(List.of("42"), null, null)),
                body("Hello {{1}}, your order {{2}} ships today.", "Ann", "42"),
                new TemplateComponent("FOOTER", null, "Reply STOP to opt out", null, null),
                buttons(
                    List.of(quickReply("Thanks"), url("https://example.com/o/{{1}}"), phone()))));
    assertThat(TemplateRules.check(template)).isEqualTo(TemplateCategory.UTILITY);
  }

  @Test
  void nameLengthFormatAndPresence() {
    assertThat(TemplateRules.check(template("a".repeat(512), body("Hi"))))
        .isEqualTo(TemplateCategory.UTILITY);
    refused(template("a".repeat(513), body("Hi")), "name must be at most 512 characters");
    refused(
        template("Order-Update", body("Hi")),
        "name may contain only lowercase letters, digits and underscores");
    refused(template("", body("Hi")), "name is required");
  }

  @Test
  void languageAndCategory() {
    refused(
        new NewTemplate("x", "english", "UTILITY", List.of(body("Hi"))),
        "language must be a locale code such as en or en_US");
    refused(
        new NewTemplate("x", "en", "OTP", List.of(body("Hi"))),
        "category must be one of MARKETING, UTILITY, AUTHENTICATION");
  }

  @Test
  void bodyIsRequiredOnceAndAtMost1024Characters() {
    assertThat(TemplateRules.check(template("x", body("b".repeat(1024))))).isNotNull();
    refused(
        template("x", body("b".repeat(1025))),
        "components[0].text must be at most 1024 characters");
    refused(
        template("x", new TemplateComponent("FOOTER", null, "f", null, null)),
        "components must contain exactly one BODY, found 0");
    refused(
        template("x", body("a"), body("b")), "components must contain exactly one BODY, found 2");
    refused(
        new NewTemplate("x", "en", "UTILITY", List.of()),
        "components must contain a BODY component");
    refused(
        template("x", new TemplateComponent("CAROUSEL", null, null, null, null), body("b")),
        "components[0].type must be one of HEADER, BODY, FOOTER, BUTTONS");
  }

  @Test
  void bodyVariablesNeedOneSampleEach() {
    refused(
        template("x", body("Hi {{1}} and {{2}}", "Ann")),
        "components[0].example.body_text must give one sample value per variable: 2 expected, 1 given");
    refused(
        template("x", body("Hi {{1}}")),
        "components[0].example.body_text must give one sample value per variable: 1 expected, 0 given");
  }

  @Test
  void headerLimits() {
    TemplateExample sample = new TemplateExample(List.of("a"), null, null);
    assertThat(
            TemplateRules.check(
                template(
                    "x",
                    new TemplateComponent("HEADER", "TEXT", "h".repeat(60), null, null),
                    body("b"))))
        .isNotNull();
    refused(
        template(
            "x", new TemplateComponent("HEADER", "TEXT", "h".repeat(61), null, null), body("b")),
        "components[0].text must be at most 60 characters");
    refused(
        template(
            "x", new TemplateComponent("HEADER", "TEXT", "{{1}} {{2}}", null, sample), body("b")),
        "components[0].text of a HEADER may contain at most 1 variable");
    refused(
        template("x", new TemplateComponent("HEADER", "AUDIO", null, null, null), body("b")),
        "components[0].format must be one of TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION");
    refused(
        template("x", new TemplateComponent("HEADER", "IMAGE", null, null, null), body("b")),
        "components[0].example.header_handle is required for a IMAGE header");
    assertThat(
            TemplateRules.check(
                template(
                    "x",
                    new TemplateComponent(
                        "HEADER",
                        "IMAGE",
                        null,
                        null,
                        new TemplateExample(null, null, List.of("h"))),
                    body("b"))))
        .isNotNull();
    refused(
        template(
            "x",
            new TemplateComponent("HEADER", "TEXT", "a", null, null),
            new TemplateComponent("HEADER", "TEXT", "b", null, null),
            body("b")),
        "components may contain at most one HEADER, one FOOTER and one BUTTONS");
  }

  @Test
  void footerLimits() {
    assertThat(
            TemplateRules.check(
                template(
                    "x",
                    body("b"),
                    new TemplateComponent("FOOTER", null, "f".repeat(60), null, null))))
        .isNotNull();
    refused(
        template("x", body("b"), new TemplateComponent("FOOTER", null, "f".repeat(61), null, null)),
        "components[1].text must be at most 60 characters");
    refused(
        template("x", body("b"), new TemplateComponent("FOOTER", null, "f {{1}}", null, null)),
        "components[1].text of a FOOTER may not contain variables");
  }

  @Test
  void buttonCounts() {
    List<TemplateButton> ten = new ArrayList<>(Collections.nCopies(10, quickReply("ok")));
    assertThat(TemplateRules.check(template("x", body("b"), buttons(ten)))).isNotNull();
    List<TemplateButton> eleven = new ArrayList<>(ten);
    eleven.add(quickReply("ok"));
    refused(
        template("x", body("b"), buttons(eleven)),
        "components[1].buttons may contain at most 10 buttons");
    refused(
        template("x", body("b"), buttons(List.of())),
        "components[1].buttons must contain at least 1 button");
    assertThat(
            TemplateRules.check(
                template(
                    "x", body("b"), buttons(List.of(url("https://a/{{1}}"), url("https://b"))))))
        .isNotNull();
    refused(
        template(
            "x", body("b"), buttons(List.of(url("https://a"), url("https://b"), url("https://c")))),
        "components[1].buttons may contain at most 2 URL buttons");
    refused(
        template("x", body("b"), buttons(List.of(phone(), phone()))),
        "components[1].buttons may contain at most 1 PHONE_NUMBER button");
  }

  @Test
  void buttonFields() {
    assertThat(
            TemplateRules.check(
                template("x", body("b"), buttons(List.of(quickReply("q".repeat(25)))))))
        .isNotNull();
    refused(
        template("x", body("b"), buttons(List.of(quickReply("q".repeat(26))))),
        "components[1].buttons[0].text must be at most 25 characters");
    refused(
        template("x", body("b"), buttons(List.of(url("https://a/{{1}}/x")))),
        "components[1].buttons[0].url may contain at most 1 variable, at its end");
    refused(
        template(
            "x",
            body("b"),
            buttons(List.of(new TemplateButton("URL", "Open", "https://a/{{1}}", null, null)))),
        "components[1].buttons[0].example is required for a URL with a variable");
    refused(
        template("x", body("b"), buttons(List.of(url("https://a/" + "p".repeat(1991))))),
        "components[1].buttons[0].url must be at most 2000 characters");
    assertThat(
            TemplateRules.check(
                template("x", body("b"), buttons(List.of(url("https://a/" + "p".repeat(1990)))))))
        .isNotNull();
    refused(
        template(
            "x",
            body("b"),
            buttons(List.of(new TemplateButton("PHONE_NUMBER", "Call", null, null, null)))),
        "components[1].buttons[0].phone_number is required");
    refused(
        template(
            "x", body("b"), buttons(List.of(new TemplateButton("FLOW", "Go", null, null, null)))),
        "components[1].buttons[0].type must be one of QUICK_REPLY, URL, PHONE_NUMBER");
  }
}
