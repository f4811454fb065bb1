package org.openwaba.templates;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One button of a {@code BUTTONS} component, as Meta shapes it: {@code QUICK_REPLY} with {@code
 * text}, {@code URL} with {@code text}, {@code url} and, when the URL has a variable, an {@code
 * example}, or {@code PHONE_NUMBER} with {@code text} and {@code phone_number}.
 */
public record TemplateButton(
    String type,
    @Nullable String text,
    @Nullable String url,
    @Nullable String phoneNumber,
    @Nullable List<String> example) {}
