package org.openwaba.templates.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openwaba.accounts.AccountId;
import org.openwaba.templates.Template;
import org.openwaba.templates.TemplateCategory;
import org.openwaba.templates.TemplateComponent;
import org.openwaba.templates.TemplateFilter;
import org.openwaba.templates.TemplateId;
import org.openwaba.templates.TemplateParameterFormat;
import org.openwaba.templates.TemplateStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Persists template translations; every query is scoped to one account. */
@Repository
public class TemplateStore {

  private static final JsonMapper JSON =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
  private static final TypeReference<List<TemplateComponent>> COMPONENTS = new TypeReference<>() {};
  private static final String COLUMNS =
      "id, account_id, name, language, category, parameter_format, components, status,"
          + " rejected_reason, created_at, updated_at";

  private static final RowMapper<Template> TEMPLATE =
      (rs, row) -> {
        String reason = rs.getString("rejected_reason");
        return new Template(
            new TemplateId(rs.getLong("id")),
            new AccountId(rs.getLong("account_id")),
            rs.getString("name"),
            rs.getString("language"),
            TemplateCategory.valueOf(rs.getString("category")),
            TemplateParameterFormat.valueOf(rs.getString("parameter_format")),
            JSON.readValue(rs.getString("components"), COMPONENTS),
            TemplateStatus.valueOf(rs.getString("status")),
            reason,
            Instant.ofEpochMilli(rs.getLong("created_at")),
            Instant.ofEpochMilli(rs.getLong("updated_at")));
      };

  private final JdbcClient jdbc;

  TemplateStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the template; false if the account has one with this name and language already. */
  public boolean insert(Template template) {
    if (find(template.accountId(), template.name(), template.language()).isPresent()) {
      return false;
    }
    jdbc.sql(
            "INSERT INTO templates_template ("
                + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            template.id().value(),
            template.accountId().value(),
            template.name(),
            template.language(),
            template.category().name(),
            template.parameterFormat().name(),
            JSON.writeValueAsString(template.components()),
            template.status().name(),
            template.rejectedReason(),
            template.createdAt().toEpochMilli(),
            template.updatedAt().toEpochMilli())
        .update();
    return true;
  }

  public Optional<Template> find(AccountId account, TemplateId id) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM templates_template WHERE account_id = ? AND id = ?")
        .params(account.value(), id.value())
        .query(TEMPLATE)
        .optional();
  }

  public Optional<Template> find(AccountId account, String name, String language) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM templates_template WHERE account_id = ? AND name = ? AND language = ?")
        .params(account.value(), name, language)
        .query(TEMPLATE)
        .optional();
  }

  /** One page of the account's templates matching the filter, oldest first. */
  public List<Template> list(AccountId account, TemplateFilter filter, int limit, long offset) {
    StringBuilder sql =
        new StringBuilder("SELECT " + COLUMNS + " FROM templates_template WHERE account_id = ?");
    List<Object> params = new ArrayList<>();
    params.add(account.value());
    if (filter.name() != null) {
      sql.append(" AND name = ?");
      params.add(filter.name());
    }
    if (filter.status() != null) {
      sql.append(" AND status = ?");
      params.add(filter.status().name());
    }
    if (filter.language() != null) {
      sql.append(" AND language = ?");
      params.add(filter.language());
    }
    if (filter.category() != null) {
      sql.append(" AND category = ?");
      params.add(filter.category().name());
    }
    sql.append(" ORDER BY created_at, id LIMIT ? OFFSET ?");
    params.add(limit);
    params.add(offset);
    return jdbc.sql(sql.toString()).params(params).query(TEMPLATE).list();
  }

  /** Deletes every language of the named template; the number of rows deleted. */
  public int deleteByName(AccountId account, String name) {
    return jdbc.sql("DELETE FROM templates_template WHERE account_id = ? AND name = ?")
        .params(account.value(), name)
        .update();
  }

  /** Deletes one translation; false if the account has no template with this id. */
  public boolean delete(AccountId account, TemplateId id) {
    return jdbc.sql("DELETE FROM templates_template WHERE account_id = ? AND id = ?")
            .params(account.value(), id.value())
            .update()
        == 1;
  }

  /**
   * Moves the template from {@code from} to {@code to}, recording the reason (or clearing it) and
   * the time; false if it does not exist or is no longer in {@code from}.
   */
  public boolean changeStatus(
      AccountId account,
      TemplateId id,
      TemplateStatus from,
      TemplateStatus to,
      @Nullable String reason,
      Instant at) {
    return jdbc.sql(
                "UPDATE templates_template SET status = ?, rejected_reason = ?, updated_at = ?"
                    + " WHERE account_id = ? AND id = ? AND status = ?")
            .params(to.name(), reason, at.toEpochMilli(), account.value(), id.value(), from.name())
            .update()
        == 1;
  }
}
