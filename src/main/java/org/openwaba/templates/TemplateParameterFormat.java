package org.openwaba.templates;

/**
 * How a template's placeholders are written and filled (reference/cloud-api.md §2.8, §6.1): {@code
 * POSITIONAL} ({@code {{1}}}…{@code {{n}}}, filled in order; Meta's default) or {@code NAMED}
 * ({@code {{first_name}}}, filled by each send parameter's {@code parameter_name}). A template uses
 * one format throughout its header and body.
 */
public enum TemplateParameterFormat {
  POSITIONAL,
  NAMED
}
