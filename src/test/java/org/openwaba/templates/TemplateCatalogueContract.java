package org.openwaba.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openwaba.accounts.AccountId;
import org.openwaba.platform.Ids;
import org.openwaba.platform.InvalidRequestException;
import org.springframework.beans.factory.annotation.Autowired;

/** The template catalogue and its store on a real database; run on SQLite and PostgreSQL. */
abstract class TemplateCatalogueContract {

  @Autowired TemplateCatalogue catalogue;
  @Autowired Ids ids;

  private AccountId account() {
    return new AccountId(ids.numericId());
  }

  private static NewTemplate template(String name, String language, String category) {
    return new NewTemplate(
        name,
        language,
        category,
        List.of(
            TemplateRulesTests.body("Hello {{1}} \uD83D\uDE00", "Ann"),
            TemplateRulesTests.buttons(
                List.of(
                    TemplateRulesTests.quickReply("Yes"),
                    TemplateRulesTests.url("https://e/{{1}}")))));
  }

  @Test
  void createdTemplatesArePendingAndReadBackWhole() {
    AccountId account = account();
    Template created = catalogue.create(account, template("welcome", "en_US", "MARKETING"));
    assertThat(created.status()).isEqualTo(TemplateStatus.PENDING);
    assertThat(created.id().value()).isBetween(1L, Ids.MAX_SAFE_INTEGER);
    Template read = catalogue.get(account, created.id());
    assertThat(read).isEqualTo(created);
    assertThat(read.components().get(0).example().bodyText()).containsExactly(List.of("Ann"));
  }

  @Test
  void aNameIsUniquePerLanguageWithinAnAccount() {
    AccountId account = account();
    catalogue.create(account, template("welcome", "en_US", "UTILITY"));
    catalogue.create(account, template("welcome", "de", "UTILITY"));
    catalogue.create(account(), template("welcome", "en_US", "UTILITY"));
    assertThatThrownBy(() -> catalogue.create(account, template("welcome", "en_US", "UTILITY")))
        .isInstanceOf(TemplateExistsException.class);
  }

  @Test
  void anotherAccountsTemplateIsNotFound() {
    AccountId owner = account();
    AccountId other = account();
    Template created = catalogue.create(owner, template("welcome", "en_US", "UTILITY"));
    assertThatThrownBy(() -> catalogue.get(other, created.id()))
        .isInstanceOf(TemplateNotFoundException.class);
    assertThatThrownBy(() -> catalogue.delete(other, created.id()))
        .isInstanceOf(TemplateNotFoundException.class);
    assertThatThrownBy(() -> catalogue.deleteByName(other, "welcome"))
        .isInstanceOf(TemplateNotFoundException.class);
    assertThat(catalogue.list(other, TemplateFilter.all(), 100, 0)).isEmpty();
    assertThat(catalogue.get(owner, created.id())).isEqualTo(created);
  }

  @Test
  void listFiltersAndPages() {
    AccountId account = account();
    Template a = catalogue.create(account, template("a", "en_US", "UTILITY"));
    Template b = catalogue.create(account, template("b", "de", "MARKETING"));
    Template c = catalogue.create(account, template("a", "de", "MARKETING"));
    assertThat(catalogue.list(account, TemplateFilter.all(), 100, 0)).hasSize(3);
    assertThat(catalogue.list(account, new TemplateFilter("a", null, null, null), 100, 0))
        .extracting(Template::id)
        .containsExactlyInAnyOrder(a.id(), c.id());
    assertThat(catalogue.list(account, new TemplateFilter(null, null, "de", null), 100, 0))
        .extracting(Template::id)
        .containsExactlyInAnyOrder(b.id(), c.id());
    assertThat(
            catalogue.list(
                account, new TemplateFilter(null, null, null, TemplateCategory.UTILITY), 100, 0))
        .extracting(Template::id)
        .containsExactly(a.id());
    assertThat(
            catalogue.list(
                account, new TemplateFilter(null, TemplateStatus.APPROVED, null, null), 100, 0))
        .isEmpty();
    assertThat(
            catalogue.list(
                account, new TemplateFilter(null, TemplateStatus.PENDING, null, null), 100, 0))
        .hasSize(3);
    List<Template> first = catalogue.list(account, TemplateFilter.all(), 2, 0);
    List<Template> second = catalogue.list(account, TemplateFilter.all(), 2, 2);
    assertThat(first).hasSize(2);
    assertThat(second).hasSize(1);
    assertThat(first).doesNotContainAnyElementsOf(second);
  }

  @Test
  void pageSizeLimits() {
    AccountId account = account();
    assertThat(catalogue.list(account, TemplateFilter.all(), 100, 0)).isEmpty();
    assertThat(catalogue.list(account, TemplateFilter.all(), 1, 0)).isEmpty();
    assertThatThrownBy(() -> catalogue.list(account, TemplateFilter.all(), 101, 0))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> catalogue.list(account, TemplateFilter.all(), 0, 0))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> catalogue.list(account, TemplateFilter.all(), 1, -1))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void deleteByNameRemovesEveryLanguageAndByIdOnlyOne() {
    AccountId account = account();
    catalogue.create(account, template("a", "en_US", "UTILITY"));
    catalogue.create(account, template("a", "de", "UTILITY"));
    Template b1 = catalogue.create(account, template("b", "en_US", "UTILITY"));
    Template b2 = catalogue.create(account, template("b", "de", "UTILITY"));
    catalogue.deleteByName(account, "a");
    assertThat(catalogue.list(account, TemplateFilter.all(), 100, 0))
        .extracting(Template::id)
        .containsExactlyInAnyOrder(b1.id(), b2.id());
    catalogue.delete(account, b1.id());
    assertThat(catalogue.list(account, TemplateFilter.all(), 100, 0))
        .extracting(Template::id)
        .containsExactly(b2.id());
    assertThatThrownBy(() -> catalogue.delete(account, b1.id()))
        .isInstanceOf(TemplateNotFoundException.class);
    assertThatThrownBy(() -> catalogue.deleteByName(account, "a"))
        .isInstanceOf(TemplateNotFoundException.class);
  }

  @Test
  void invalidTemplatesAreNotStored() {
    AccountId account = account();
    assertThatThrownBy(() -> catalogue.create(account, template("Bad Name", "en", "UTILITY")))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(catalogue.list(account, TemplateFilter.all(), 100, 0)).isEmpty();
  }
}
