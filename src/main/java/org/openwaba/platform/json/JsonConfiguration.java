package org.openwaba.platform.json;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Makes JSON binding strict about types, so that {@code "preview_url": "yes"} or {@code "message":
 * 42} is a 400 that names the field instead of a silent coercion, while unknown fields stay ignored
 * (clients of both doors send extra fields).
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

  @Bean
  JsonMapperBuilderCustomizer strictScalars() {
    return builder -> {
      builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
      builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
      builder.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
      builder.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
      builder.withCoercionConfig(
          LogicalType.Textual,
          config -> {
            config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
            config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
          });
      builder.withCoercionConfig(
          LogicalType.Boolean,
          config -> {
            config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
            config.setCoercion(CoercionInputShape.String, CoercionAction.Fail);
          });
    };
  }
}
