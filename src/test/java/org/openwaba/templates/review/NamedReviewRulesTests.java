package org.openwaba.templates.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.templates.Template;
import org.openwaba.templates.TemplateCategory;
import org.openwaba.templates.TemplateComponent;
import org.openwaba.templates.TemplateId;
import org.openwaba.templates.TemplateParameterFormat;
import org.openwaba.templates.TemplateStatus;

/** The automatic review's rules applied to a NAMED template's {{name}} variables. */
class NamedReviewRulesTests {

  static Template named(String body, @Nullable String header) {
    List<TemplateComponent> components = new ArrayList<>();
    if (header != null) {
      components.add(new TemplateComponent("HEADER", "TEXT", header, null, null));
    }
    components.add(new TemplateComponent("BODY", null, body, null, null));
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    return new Template(
        new TemplateId(1),
        new AccountId(1),
        "t",
        "en",
        TemplateCategory.UTILITY,
        TemplateParameterFormat.NAMED,
        components,
        TemplateStatus.PENDING,
        null,
        now,
        now);
  }

  static @Nullable String reasonFor(String body) {
    return ReviewRules.rejection(named(body, null), ReviewRulesTests.DEFAULTS).orElse(null);
  }

  @Test
  void approvesNamedVariablesInAnyOrderOfNames() {
    assertThat(reasonFor("Hello {{first_name}}, your order {{order_id}} is ready for pick-up."))
        .isNull();
    assertThat(reasonFor("Hello {{zeta}}, your order {{alpha}} is ready for pick-up.")).isNull();
  }

  @Test
  void rejectsANamedBodyThatIsOnlyVariables() {
    assertThat(reasonFor("{{first_name}} {{order_id}}"))
        .startsWith("INVALID_FORMAT: the body is only variables");
  }

  @Test
  void rejectsANamedVariableAtTheVeryStartOrEnd() {
    assertThat(reasonFor("{{first_name}} is the name on your order today"))
        .isEqualTo("INVALID_FORMAT: the body starts with a variable; put fixed text before it");
    assertThat(reasonFor("Your order today is ready for {{first_name}}"))
        .isEqualTo("INVALID_FORMAT: the body ends with a variable; put fixed text after it");
  }

  @Test
  void rejectsAdjacentNamedVariables() {
    assertThat(reasonFor("Dear {{first_name}} {{last_name}}, your order is ready today"))
        .isEqualTo(
            "INVALID_FORMAT: the variables {{first_name}} and {{last_name}} have no text between"
                + " them");
  }

  @Test
  void rejectsTooManyNamedVariablesForTheText() {
    assertThat(reasonFor("Hi {{a}}, see {{b}} and {{c}} now"))
        .startsWith("INVALID_FORMAT: too many variables for the length of the body: 3 variable(s)");
  }

  @Test
  void rejectsAMalformedVariableInANamedTemplate() {
    assertThat(reasonFor("Hi {{First}}, your order is ready"))
        .isEqualTo(
            "INVALID_FORMAT: the body has a malformed variable {{First}}; write named variables"
                + " as {{first_name}}");
    assertThat(
            ReviewRules.rejection(
                named("Your order is ready, please come", "Order {{1}} news"),
                ReviewRulesTests.DEFAULTS))
        .hasValue(
            "INVALID_FORMAT: the header has a malformed variable {{1}}; write named variables as"
                + " {{first_name}}");
  }
}
