package org.openwaba.messaging.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openwaba.platform.ErrorCode;
import org.openwaba.platform.InvalidRequestException;
import org.openwaba.templates.Template;
import org.openwaba.templates.TemplateParameterFormat;

/**
 * Fits text parameters to a template's placeholders by their {@code parameter_name}
 * (reference/cloud-api.md §2.8). A {@code NAMED} template's parameters each name one of its
 * placeholders, every placeholder exactly once, in any order; a {@code POSITIONAL} template's
 * parameters carry no name. Every refusal is Meta's 132000 and names the names at fault.
 */
final class NamedParameters {

  private NamedParameters() {}

  /**
   * The values by placeholder name.
   *
   * @param where {@code body} or {@code header}, for the error details
   * @param names the placeholder names of that component's text
   */
  static Map<String, String> match(
      Template template, String where, List<String> names, List<TemplateParameter> given) {
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    for (TemplateParameter parameter : given) {
      String name = parameter.name();
      if (name == null) {
        throw refused(
            parameter.path()
                + " has no parameter_name; "
                + describe(template)
                + " is NAMED, so each "
                + where
                + " parameter names one of its placeholders: "
                + list(names));
      }
      if (values.containsKey(name)) {
        throw refused(
            where + ": parameter_name '" + name + "' is given twice; give each placeholder once");
      }
      if (!names.contains(name)) {
        unknown.add(name);
      }
      values.put(name, parameter.value());
    }
    List<String> missing = new ArrayList<>();
    for (String name : names) {
      if (!values.containsKey(name)) {
        missing.add(name);
      }
    }
    if (!unknown.isEmpty() || !missing.isEmpty()) {
      List<String> problems = new ArrayList<>();
      if (!unknown.isEmpty()) {
        problems.add("unknown parameter_name " + list(unknown));
      }
      if (!missing.isEmpty()) {
        problems.add("missing parameter_name " + list(missing));
      }
      throw refused(
          where
              + ": "
              + String.join("; ", problems)
              + "; the template's "
              + where
              + " placeholders are "
              + list(names));
    }
    return values;
  }

  /**
   * Refuses any {@code parameter_name} among parameters that are filled by position or not at all.
   */
  static void requireUnnamed(List<TemplateParameter> given, String why) {
    for (TemplateParameter parameter : given) {
      if (parameter.name() != null) {
        throw refused(parameter.path() + ".parameter_name is not taken: " + why);
      }
    }
  }

  /**
   * Refuses names for a {@code POSITIONAL} template, whose parameters fill {{1}}…{{n}} in order.
   */
  static void requirePositional(Template template, List<TemplateParameter> given) {
    if (template.parameterFormat() == TemplateParameterFormat.POSITIONAL) {
      requireUnnamed(
          given,
          describe(template)
              + " is POSITIONAL ({{1}}, {{2}}, …); send its parameters in order, without"
              + " parameter_name");
    }
  }

  static boolean named(Template template) {
    return template.parameterFormat() == TemplateParameterFormat.NAMED;
  }

  private static String describe(Template template) {
    return "template '" + template.name() + "' (" + template.language() + ")";
  }

  private static String list(Collection<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }

  private static InvalidRequestException refused(String details) {
    return new InvalidRequestException(
        ErrorCode.TEMPLATE_PARAMETERS, "Template parameters do not match", details);
  }
}
