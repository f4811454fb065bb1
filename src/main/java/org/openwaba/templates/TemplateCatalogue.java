package org.openwaba.templates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.openwaba.accounts.AccountId;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.Ids;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.templates.config.TemplatesProperties;
import org.openwaba.templates.store.ReviewQueueStore;
import org.openwaba.templates.store.TemplateStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each account's template catalogue: create (validated, {@code PENDING}), list, get and delete.
 * Another account's template is never visible: it answers as not found.
 */
@Service
public class TemplateCatalogue {

  /** The largest page {@link #list} returns. */
  public static final int MAX_PAGE_SIZE = 100;

  private final TemplateStore store;
  private final ReviewQueueStore reviews;
  private final Ids ids;
  private final Clock clock;
  private final Duration reviewDelay;

  TemplateCatalogue(
      TemplateStore store,
      ReviewQueueStore reviews,
      Ids ids,
      Clock clock,
      TemplatesProperties properties) {
    this.store = store;
    this.reviews = reviews;
    this.ids = ids;
    this.clock = clock;
    this.reviewDelay = properties.review().delay();
  }

  /**
   * Validates the template against Meta's limits, stores it as {@code PENDING} and queues its
   * automatic review for {@code openwaba.templates.review.delay} from now, in one transaction.
   *
   * @throws InvalidRequestException (132000; 100 or 131008 on the Cloud door) naming the rule
   * @throws TemplateExistsException (409) if the name exists in that language
   */
  @Transactional
  public Template create(AccountId account, NewTemplate template) {
    TemplateCategory category = TemplateRules.check(template);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Template created =
        new Template(
            new TemplateId(ids.numericId()),
            account,
            template.name(),
            template.language(),
            category,
            TemplateRules.format(template.parameterFormat()),
            template.components(),
            TemplateStatus.PENDING,
            null,
            now,
            now);
    if (!store.insert(created)) {
      throw new TemplateExistsException(template.name(), template.language());
    }
    reviews.schedule(created.id(), account, now.plus(reviewDelay));
    return created;
  }

  /** The account's template with this id, if it has one. */
  @Transactional(readOnly = true)
  public Optional<Template> find(AccountId account, TemplateId id) {
    return store.find(account, id);
  }

  /**
   * The account's template with this id.
   *
   * @throws TemplateNotFoundException (404) if the account has no such template
   */
  @Transactional(readOnly = true)
  public Template get(AccountId account, TemplateId id) {
    return store
        .find(account, id)
        .orElseThrow(() -> new TemplateNotFoundException("template " + id));
  }

  /**
   * The account's template of this name in this language, if it may be sent: {@code APPROVED}.
   *
   * @throws TemplateUnavailableException (134000; Meta's 132001) if the account has no template of
   *     that name, none in that language (the details list the languages it has) or one that is not
   *     approved (the details give its status); Meta's 132015 if it is paused, 132016 if disabled
   */
  @Transactional(readOnly = true)
  public Template sendable(AccountId account, String name, String language) {
    Template template =
        store
            .find(account, name, language)
            .orElseThrow(
                () ->
                    new TemplateUnavailableException(
                        ErrorCode.TEMPLATE_UNAVAILABLE, missing(account, name, language)));
    return switch (template.status()) {
      case APPROVED -> template;
      case PAUSED ->
          throw new TemplateUnavailableException(
              ErrorCode.TEMPLATE_PAUSED, describe(template) + " is PAUSED for low quality");
      case DISABLED ->
          throw new TemplateUnavailableException(
              ErrorCode.TEMPLATE_DISABLED, describe(template) + " is DISABLED");
      case PENDING, REJECTED ->
          throw new TemplateUnavailableException(
              ErrorCode.TEMPLATE_UNAVAILABLE,
              describe(template) + " is " + template.status() + ", not APPROVED");
    };
  }

  private String missing(AccountId account, String name, String language) {
    List<String> languages =
        store.list(account, new TemplateFilter(name, null, null, null), MAX_PAGE_SIZE, 0).stream()
            .map(found -> found.language() + " (" + found.status() + ")")
            .sorted()
            .toList();
    if (languages.isEmpty()) {
      return "template '" + name + "' does not exist";
    }
    return "template '"
        + name
        + "' does not exist in language "
        + language
        + "; it exists in "
        + String.join(", ", languages);
  }

  private static String describe(Template template) {
    return "template '" + template.name() + "' (" + template.language() + ")";
  }

  /** One page of the account's templates, oldest first; {@code limit} is 1 to 100. */
  @Transactional(readOnly = true)
  public List<Template> list(AccountId account, TemplateFilter filter, int limit, long offset) {
    if (limit < 1 || limit > MAX_PAGE_SIZE) {
      throw new InvalidRequestException(
          "Invalid limit", "limit must be between 1 and " + MAX_PAGE_SIZE);
    }
    if (offset < 0) {
      throw new InvalidRequestException("Invalid offset", "offset must not be negative");
    }
    return store.list(account, filter, limit, offset);
  }

  /** Deletes every language of the named template; the number of translations deleted. */
  @Transactional
  public int deleteByName(AccountId account, String name) {
    int deleted = store.deleteByName(account, name);
    if (deleted == 0) {
      throw new TemplateNotFoundException("template '" + name + "'");
    }
    return deleted;
  }

  /**
   * Deletes one translation, checking that it has the given name (Meta's delete by {@code hsm_id}
   * and {@code name}).
   *
   * @throws TemplateNotFoundException (404) if the account has no such template by that name
   */
  @Transactional
  public void delete(AccountId account, TemplateId id, String name) {
    Template template =
        store
            .find(account, id)
            .filter(found -> found.name().equals(name))
            .orElseThrow(
                () -> new TemplateNotFoundException("template " + id + " named '" + name + "'"));
    store.delete(account, template.id());
  }

  /** Deletes one translation. */
  @Transactional
  public void delete(AccountId account, TemplateId id) {
    if (!store.delete(account, id)) {
      throw new TemplateNotFoundException("template " + id);
    }
  }
}
