package dev.firebreak.api.security;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the OpenAPI document (and Swagger UI's Authorize button) that calls carry a bearer API
 * token; browser sessions work too.
 */
@Configuration
@OpenAPIDefinition(security = @SecurityRequirement(name = "apiToken"))
@SecurityScheme(name = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
    in = SecuritySchemeIn.HEADER,
    description = "an API token (POST /api/v1/api-tokens) or FIREBREAK_ADMIN_TOKEN")
public class ApiDocsSecurity {}
