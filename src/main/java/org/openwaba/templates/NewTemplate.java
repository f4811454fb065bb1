package org.openwaba.templates;

import java.util.List;

/** A template as submitted for review: validated by {@link TemplateCatalogue#create}. */
public record NewTemplate(
    String name, String language, String category, List<TemplateComponent> components) {}
