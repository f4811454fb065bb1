package org.openwaba.templates;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sample values of a component's variables, as Meta shapes them: {@code header_text} (one value),
 * {@code body_text} (an array holding one array of values, one per placeholder) and {@code
 * header_handle} (media headers); for a {@code NAMED} template, {@code header_text_named_params}
 * and {@code body_text_named_params} instead, one entry per placeholder name.
 */
public record TemplateExample(
    @Nullable List<String> headerText,
    @Nullable List<List<String>> bodyText,
    @Nullable List<String> headerHandle,
    @Nullable List<TemplateNamedExample> headerTextNamedParams,
    @Nullable List<TemplateNamedExample> bodyTextNamedParams) {

  /** Positional samples only. */
  public TemplateExample(
      @Nullable List<String> headerText,
      @Nullable List<List<String>> bodyText,
      @Nullable List<String> headerHandle) {
    this(headerText, bodyText, headerHandle, null, null);
  }
}
