package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplatePlaceholdersTests {

  @Test
  void listsDistinctPlaceholderNumbersInAscendingOrder() {
    assertThat(TemplatePlaceholders.numbers("{{2}} then {{1}} and {{2}} again"))
        .containsExactly(1, 2);
    assertThat(TemplatePlaceholders.numbers("no variables, {{x}} is not one")).isEmpty();
    assertThat(TemplatePlaceholders.numbers(null)).isEmpty();
  }

  @Test
  void fillsEachPlaceholderByItsPositionAmongTheNumbers() {
    assertThat(TemplatePlaceholders.fill("Hi {{1}}, order {{2}} for {{1}}", List.of("Ann", "7")))
        .isEqualTo("Hi Ann, order 7 for Ann");
    assertThat(TemplatePlaceholders.fill("{{1}} and {{3}}", List.of("a", "b")))
        .isEqualTo("a and b");
  }

  @Test
  void keepsValuesLiterallyIncludingDollarsAndBackslashes() {
    assertThat(TemplatePlaceholders.fill("Pay {{1}}", List.of("$1 \\ {{2}}")))
        .isEqualTo("Pay $1 \\ {{2}}");
  }

  @Test
  void leavesAPlaceholderWithoutAValueAsItIs() {
    assertThat(TemplatePlaceholders.fill("{{1}} {{2}}", List.of("a"))).isEqualTo("a {{2}}");
  }

  @Test
  void listsDistinctNamesInOrderOfFirstAppearance() {
    assertThat(TemplatePlaceholders.names("{{order_id}} for {{first_name}}, {{order_id}} {{1}}"))
        .containsExactly("order_id", "first_name");
    assertThat(TemplatePlaceholders.names(null)).isEmpty();
  }

  @Test
  void fillsNamedPlaceholdersByNameLiterally() {
    assertThat(
            TemplatePlaceholders.fillNamed(
                "Hi {{first_name}}, order {{order_id}} ({{other}})",
                java.util.Map.of("order_id", "$7 \\", "first_name", "Ann")))
        .isEqualTo("Hi Ann, order $7 \\ ({{other}})");
  }
}
