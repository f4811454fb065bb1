package org.openwaba.templates;

/** The categories Meta accepts for new templates. */
public enum TemplateCategory {
  MARKETING,
  UTILITY,
  AUTHENTICATION
}
