package org.openwaba.templates.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.templates.Template;
import org.openwaba.templates.TemplateButton;
import org.openwaba.templates.TemplateCategory;
import org.openwaba.templates.TemplateComponent;
import org.openwaba.templates.TemplateId;
import org.openwaba.templates.TemplateStatus;
import org.openwaba.templates.config.TemplatesProperties;

/** The automatic review's rules, each at its boundary, without Spring or a database. */
class ReviewRulesTests {

  static TemplatesProperties.Review rules(int minWordsPerPlaceholder, List<String> denyWords) {
    return new TemplatesProperties.Review(
        true,
        Duration.ZERO,
        Duration.ofSeconds(1),
        50,
        Duration.ofSeconds(60),
        true,
        true,
        true,
        true,
        minWordsPerPlaceholder,
        denyWords,
        "ABUSIVE_CONTENT");
  }

  static final TemplatesProperties.Review DEFAULTS = rules(2, List.of("casino", "free money"));

  static final TemplatesProperties.Review ALL_OFF =
      new TemplatesProperties.Review(
          true,
          Duration.ZERO,
          Duration.ofSeconds(1),
          50,
          Duration.ofSeconds(60),
          false,
          false,
          false,
          false,
          0,
          List.of(),
          "ABUSIVE_CONTENT");

  static Template template(
      String body, @Nullable String header, @Nullable String footer, String... buttons) {
    List<TemplateComponent> components = new ArrayList<>();
    if (header != null) {
      components.add(new TemplateComponent("HEADER", "TEXT", header, null, null));
    }
    components.add(new TemplateComponent("BODY", null, body, null, null));
    if (footer != null) {
      components.add(new TemplateComponent("FOOTER", null, footer, null, null));
    }
    if (buttons.length > 0) {
      List<TemplateButton> list = new ArrayList<>();
      for (String text : buttons) {
        list.add(new TemplateButton("QUICK_REPLY", text, null, null, null));
      }
      components.add(new TemplateComponent("BUTTONS", null, null, list, null));
    }
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    return new Template(
        new TemplateId(1),
        new AccountId(1),
        "t",
        "en",
        TemplateCategory.UTILITY,
        components,
        TemplateStatus.PENDING,
        null,
        now,
        now);
  }

  static @Nullable String reasonFor(String body) {
    return ReviewRules.rejection(template(body, null, null), DEFAULTS).orElse(null);
  }

  @Test
  void approvesAWellFormedTemplate() {
    assertThat(reasonFor("Hello {{1}}, your order {{2}} is ready for pick-up.")).isNull();
    assertThat(reasonFor("No variables at all")).isNull();
    assertThat(reasonFor("Hi {{1}}, and again {{1}} here today"))
        .as("a repeated variable")
        .isNull();
  }

  @Test
  void rejectsABodyThatIsOnlyVariables() {
    assertThat(reasonFor("{{1}} {{2}}"))
        .isEqualTo(
            "INVALID_FORMAT: the body is only variables; add text that says what the message is"
                + " about");
    assertThat(reasonFor("{{1}}, {{2}}!")).startsWith("INVALID_FORMAT: the body is only variables");
  }

  @Test
  void rejectsVariablesNotNumberedInOrder() {
    assertThat(reasonFor("Hi {{2}} and then {{1}} for your order today"))
        .isEqualTo(
            "INVALID_FORMAT: the body's variables must be numbered {{1}}, {{2}} in order of"
                + " appearance; found {{2}}, {{1}}");
    assertThat(reasonFor("Hi {{1}} and then {{3}} for your order today"))
        .endsWith("found {{1}}, {{3}}");
    assertThat(reasonFor("Hi {{0}} there, your order today")).endsWith("found {{0}}");
    assertThat(reasonFor("Hi {{one}}, your order is ready"))
        .isEqualTo(
            "INVALID_FORMAT: the body has a malformed variable {{one}}; write variables as {{1}},"
                + " {{2}}, …");
    assertThat(
            ReviewRules.rejection(
                template("Your order is ready, please come", "Order {{2}} news", null), DEFAULTS))
        .hasValueSatisfying(reason -> assertThat(reason).contains("the header's variables"));
  }

  @Test
  void rejectsAVariableAtTheVeryStartOrEnd() {
    assertThat(reasonFor("{{1}} is your order number today"))
        .isEqualTo("INVALID_FORMAT: the body starts with a variable; put fixed text before it");
    assertThat(reasonFor("  {{1}} is your order number today")).contains("starts with a variable");
    assertThat(reasonFor("Your order number for today is {{1}}"))
        .isEqualTo("INVALID_FORMAT: the body ends with a variable; put fixed text after it");
    assertThat(reasonFor("Your order number for today is {{1}} \n")).contains("ends with");
    assertThat(reasonFor("Your order number for today is {{1}}.")).as("text after it").isNull();
    assertThat(reasonFor("A {{1}} is your order number today")).as("text before it").isNull();
  }

  @Test
  void rejectsAdjacentVariables() {
    assertThat(reasonFor("Dear customer {{1}} {{2}} your order is ready now"))
        .isEqualTo("INVALID_FORMAT: the variables {{1}} and {{2}} have no text between them");
    assertThat(reasonFor("Dear customer {{1}}{{2}} your order is ready now"))
        .contains("no text between them");
    assertThat(reasonFor("Dear customer {{1}} and {{2}} your order is ready now")).isNull();
  }

  @Test
  void rejectsTooManyVariablesForTheLength() {
    assertThat(reasonFor("Dear {{1}} your code {{2}} expires")).as("4 words for 2").isNull();
    assertThat(reasonFor("Dear {{1}} code {{2}} expires"))
        .isEqualTo(
            "INVALID_FORMAT: too many variables for the length of the body: 2 variable(s) need at"
                + " least 4 words of fixed text, found 3");
    assertThat(
            ReviewRules.rejection(
                template("Dear {{1}} code {{2}} expires", null, null), rules(0, List.of())))
        .as("0 turns the rule off")
        .isEmpty();
    assertThat(
            ReviewRules.rejection(
                template("Dear {{1}} your code {{2}} expires", null, null), rules(3, List.of())))
        .isPresent();
  }

  @Test
  void rejectsDeniedWordsAnywhereAsWholeWordsIgnoringCase() {
    assertThat(
            ReviewRules.rejection(
                template("Your booking is confirmed", null, "Visit our CASINO"), DEFAULTS))
        .hasValue(
            "ABUSIVE_CONTENT: the template contains 'casino', which this server does not allow");
    assertThat(ReviewRules.rejection(template("Get free money today", null, null), DEFAULTS))
        .hasValueSatisfying(reason -> assertThat(reason).contains("'free money'"));
    assertThat(
            ReviewRules.rejection(
                template("Your booking is confirmed", null, null, "Casino night"), DEFAULTS))
        .as("in a button")
        .isPresent();
    assertThat(
            ReviewRules.rejection(template("Your booking is confirmed", "Casino", null), DEFAULTS))
        .as("in the header")
        .isPresent();
    assertThat(ReviewRules.rejection(template("We love casinos in general", null, null), DEFAULTS))
        .as("not a whole word")
        .isEmpty();
  }

  @Test
  void approvesEverythingWhenEveryRuleIsOff() {
    for (String body :
        List.of(
            "{{1}} {{2}}", "{{2}} is first", "ends with {{1}}", "a {{1}}{{2}} b", "x {{1}} y")) {
      assertThat(ReviewRules.rejection(template(body, null, "casino"), ALL_OFF)).as(body).isEmpty();
    }
  }
}
