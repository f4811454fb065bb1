package org.openwaba.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.net.URI;
import java.util.List;
import org.openwaba.platform.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the API for the OpenAPI document ({@code /v3/api-docs}) and its browsable UI ({@code
 * /swagger-ui.html}), with the two ways callers authenticate.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI openWabaOpenApi(PlatformProperties properties) {
    OpenAPI api = new OpenAPI();
    URI publicBaseUrl = properties.publicBaseUrl();
    if (publicBaseUrl != null) {
      // Behind a proxy the request's own address is not the one clients use.
      api.servers(List.of(new Server().url(publicBaseUrl.toString())));
    }
    return api.info(
            new Info()
                .title("OpenWABA")
                .description(
                    "Open-source, self-hostable WhatsApp Business API with a built-in sandbox"
                        + " network. Two doors onto one engine: the seed's API under /v2, whose"
                        + " errors use the envelope {status, code, error_code, message, details,"
                        + " request_id}, and Meta's Cloud API under /{version} (vNN.N), whose"
                        + " errors use Meta's Graph envelope {error: {message, type, code,"
                        + " error_subcode, error_data, fbtrace_id}} with Meta's codes; see"
                        + " docs/error-codes.md.")
                .version("v2")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearerToken",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("An account's access token"))
                .addSecuritySchemes(
                    "adminKey",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("The operator's admin key (OPENWABA_ADMIN_KEY)")));
  }
}
