package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openwaba.platform.InvalidRequestException;

/** Creation rules of NAMED templates and of the parameter format, each at its boundary. */
class NamedTemplateRulesTests {

  static TemplateNamedExample sample(String name, String example) {
    return new TemplateNamedExample(name, example);
  }

  static TemplateComponent body(String text, TemplateNamedExample... samples) {
    TemplateExample example =
        samples.length == 0 ? null : new TemplateExample(null, null, null, null, List.of(samples));
    return new TemplateComponent("BODY", null, text, null, example);
  }

  static TemplateComponent header(String text, TemplateNamedExample... samples) {
    TemplateExample example =
        samples.length == 0 ? null : new TemplateExample(null, null, null, List.of(samples), null);
    return new TemplateComponent("HEADER", "TEXT", text, null, example);
  }

  static NewTemplate named(TemplateComponent... components) {
    return new NewTemplate("order_update", "en_US", "UTILITY", List.of(components), "NAMED");
  }

  static NewTemplate positional(TemplateComponent... components) {
    return new NewTemplate("order_update", "en_US", "UTILITY", List.of(components), "positional");
  }

  private static void refused(NewTemplate template, String details) {
    assertThatThrownBy(() -> TemplateRules.check(template))
        .isInstanceOf(InvalidRequestException.class)
        .extracting(e -> ((InvalidRequestException) e).details())
        .isEqualTo(details);
  }

  @Test
  void acceptsANamedTemplateWithExamplesForEveryName() {
    NewTemplate template =
        named(
            header("Order {{order_id}}", sample("order_id", "42")),
            body(
                "Hello {{first_name}}, order {{order_id}} ships on {{day2}}.",
                sample("day2", "Monday"),
                sample("first_name", "Ann"),
                sample("order_id", "42")));
    assertThat(TemplateRules.check(template)).isEqualTo(TemplateCategory.UTILITY);
    assertThat(TemplateRules.format(template.parameterFormat()))
        .isEqualTo(TemplateParameterFormat.NAMED);
  }

  @Test
  void parameterFormatIsPositionalByDefaultAndRefusesOtherValues() {
    assertThat(TemplateRules.format(null)).isEqualTo(TemplateParameterFormat.POSITIONAL);
    assertThat(TemplateRules.format("positional")).isEqualTo(TemplateParameterFormat.POSITIONAL);
    refused(
        new NewTemplate("a", "en", "UTILITY", List.of(body("Hi")), "NUMBERED"),
        "parameter_format must be POSITIONAL or NAMED; was 'NUMBERED'");
  }

  @Test
  void acceptsANameOf20CharactersAndRefuses21() {
    String twenty = "a" + "b".repeat(18) + "9";
    assertThat(twenty).hasSize(20);
    assertThat(TemplateRules.check(named(body("Hi {{" + twenty + "}} there", sample(twenty, "x")))))
        .isEqualTo(TemplateCategory.UTILITY);
    String twentyOne = twenty + "z";
    refused(
        named(body("Hi {{" + twentyOne + "}} there", sample(twentyOne, "x"))),
        "components[0].text has the placeholder {{"
            + twentyOne
            + "}}: a name is a lowercase letter followed by lowercase letters, digits or"
            + " underscores, at most 20 characters in all");
  }

  @Test
  void refusesNamesWithCharactersOutsideTheRule() {
    for (String bad : List.of("First", "first-name", "1st", "_first", "first name", "prénom")) {
      assertThatThrownBy(() -> TemplateRules.check(named(body("Hi {{" + bad + "}} there"))))
          .as(bad)
          .isInstanceOf(InvalidRequestException.class)
          .extracting(e -> ((InvalidRequestException) e).details())
          .asString()
          .startsWith("components[0].text has the placeholder {{" + bad + "}}: a name is");
    }
  }

  @Test
  void refusesMixingPositionalAndNamedPlaceholders() {
    String mixes =
        "components[0].text mixes positional and named placeholders ({{1}}, {{first_name}}); a"
            + " template uses one format: {{1}}, {{2}}, … with parameter_format POSITIONAL or"
            + " {{first_name}} with parameter_format NAMED";
    refused(named(body("Hi {{first_name}}, order {{1}} is ready")), mixes);
    refused(positional(body("Hi {{first_name}}, order {{1}} is ready")), mixes);
  }

  @Test
  void refusesPositionalPlaceholdersInANamedTemplateAndViceVersa() {
    refused(
        named(body("Hi {{1}}, your order is ready")),
        "components[0].text has the positional placeholder {{1}}, but the template's"
            + " parameter_format is NAMED: write named placeholders such as {{first_name}}");
    refused(
        positional(body("Hi {{first_name}}, your order is ready")),
        "components[0].text has the named placeholder {{first_name}}, but the template's"
            + " parameter_format is POSITIONAL: write {{1}}, {{2}}, … or set parameter_format to"
            + " NAMED");
    refused(
        named(header("Order {{1}}"), body("Hi")),
        "components[0].text has the positional placeholder {{1}}, but the template's"
            + " parameter_format is NAMED: write named placeholders such as {{first_name}}");
  }

  @Test
  void refusesANameUsedTwiceInOneComponent() {
    refused(
        named(body("Hi {{name}}, yes {{name}}, you", sample("name", "Ann"))),
        "components[0].text uses {{name}} twice; each name appears once per component");
  }

  @Test
  void requiresOneNamedExamplePerName() {
    refused(
        named(body("Hi {{first_name}}, order {{order_id}} ships")),
        "components[0].example.body_text_named_params is required: give {param_name, example}"
            + " for each of first_name, order_id");
    refused(
        named(body("Hi {{first_name}}, order {{order_id}} ships", sample("first_name", "Ann"))),
        "components[0].example.body_text_named_params gives no example for order_id");
    refused(
        named(
            body(
                "Hi {{first_name}} there",
                sample("first_name", "Ann"),
                sample("last_name", "Lee"))),
        "components[0].example.body_text_named_params[1].param_name 'last_name' is not a"
            + " placeholder of the text; its placeholders are first_name");
    refused(
        named(
            body(
                "Hi {{first_name}} there", sample("first_name", "Ann"), sample("first_name", "B"))),
        "components[0].example.body_text_named_params[1].param_name 'first_name' is given twice");
    refused(
        named(body("Hi {{first_name}} there", sample("first_name", " "))),
        "components[0].example.body_text_named_params[0].example is required");
    refused(
        named(header("Order {{order_id}}"), body("Hi")),
        "components[0].example.header_text_named_params is required: give {param_name, example}"
            + " for each of order_id");
  }

  @Test
  void aNamedHeaderHoldsAtMostOneVariableAndAFooterNone() {
    refused(
        named(header("{{a}} and {{b}}", sample("a", "1"), sample("b", "2")), body("Hi")),
        "components[0].text of a HEADER may contain at most 1 variable");
    List<TemplateComponent> components = new ArrayList<>();
    components.add(body("Hi"));
    components.add(new TemplateComponent("FOOTER", null, "Bye {{name}}", null, null));
    refused(
        new NewTemplate("a", "en", "UTILITY", components, "NAMED"),
        "components[1].text of a FOOTER may not contain variables");
  }

  @Test
  void aUrlButtonKeepsItsPositionalVariableInANamedTemplate() {
    TemplateComponent buttons =
        new TemplateComponent(
            "BUTTONS",
            null,
            null,
            List.of(
                new TemplateButton(
                    "URL", "Open", "https://example.com/o/{{1}}", null, List.of("https://x/1"))),
            null);
    assertThat(TemplateRules.check(named(body("Hi"), buttons))).isEqualTo(TemplateCategory.UTILITY);
    TemplateComponent namedUrl =
        new TemplateComponent(
            "BUTTONS",
            null,
            null,
            List.of(
                new TemplateButton(
                    "URL", "Open", "https://example.com/o/{{order}}", null, List.of("x"))),
            null);
    refused(
        named(body("Hi"), namedUrl),
        "components[1].buttons[0].url writes its variable {{1}}, also in a NAMED template");
  }
}
