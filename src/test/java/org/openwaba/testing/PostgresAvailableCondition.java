package org.openwaba.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL tests, with a visible reason, when no server answers, except under {@code
 * CI=true}, where they run and fail so that a missing database cannot pass silently.
 */
public class PostgresAvailableCondition implements ExecutionCondition {

  private static volatile Boolean available;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      return ConditionEvaluationResult.enabled("CI=true: PostgreSQL tests must run");
    }
    if (available == null) {
      available = TestDatabases.postgresAvailable();
      if (!available) {
        System.err.println(
            "SKIPPED: PostgreSQL at "
                + TestDatabases.POSTGRES_BASE_URL
                + " does not answer; PostgreSQL tests are skipped (they fail under CI=true)");
      }
    }
    return available
        ? ConditionEvaluationResult.enabled("PostgreSQL answers")
        : ConditionEvaluationResult.disabled(
            "PostgreSQL at " + TestDatabases.POSTGRES_BASE_URL + " does not answer");
  }
}
