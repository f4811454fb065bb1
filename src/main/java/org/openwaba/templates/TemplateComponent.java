package org.openwaba.templates;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One component of a template as Meta shapes it: {@code HEADER} (with a {@code format} of {@code
 * TEXT}, {@code IMAGE}, {@code VIDEO}, {@code DOCUMENT} or {@code LOCATION}), {@code BODY} and
 * {@code FOOTER} (with {@code text}), or {@code BUTTONS} (with {@code buttons}).
 */
public record TemplateComponent(
    String type,
    @Nullable String format,
    @Nullable String text,
    @Nullable List<TemplateButton> buttons,
    @Nullable TemplateExample example) {}
