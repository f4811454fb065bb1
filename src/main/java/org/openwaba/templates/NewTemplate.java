package org.openwaba.templates;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A template as submitted for review: validated by {@link TemplateCatalogue#create}.
 *
 * @param parameterFormat {@code POSITIONAL} (also when null) or {@code NAMED}, in any case
 */
public record NewTemplate(
    String name,
    String language,
    String category,
    List<TemplateComponent> components,
    @Nullable String parameterFormat) {

  /** A template with positional placeholders. */
  public NewTemplate(
      String name, String language, String category, List<TemplateComponent> components) {
    this(name, language, category, components, null);
  }
}
