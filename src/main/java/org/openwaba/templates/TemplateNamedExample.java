package org.openwaba.templates;

import org.jspecify.annotations.Nullable;

/**
 * The sample value of one named placeholder, as Meta shapes it in {@code body_text_named_params}
 * and {@code header_text_named_params}: {@code {"param_name": "first_name", "example": "Jo"}}.
 */
public record TemplateNamedExample(@Nullable String paramName, @Nullable String example) {}
