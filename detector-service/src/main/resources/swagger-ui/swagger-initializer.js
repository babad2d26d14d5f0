// Swagger UI on this service's own OpenAPI document (/v3/api-docs, relative to /swagger-ui/index.html so that it
// also works behind a path prefix). validatorUrl null: no badge from validator.swagger.io, nothing loaded from
// outside the service. Served instead of the org.webjars:swagger-ui jar's file (SwaggerUiConfiguration).
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: "../v3/api-docs",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [
      SwaggerUIBundle.presets.apis,
      SwaggerUIStandalonePreset
    ],
    plugins: [
      SwaggerUIBundle.plugins.DownloadUrl
    ],
    layout: "StandaloneLayout"
  });
};
