// Starts the vendored Swagger UI on /docs (kept out of the HTML so the CSP can forbid inline script).
"use strict";
window.addEventListener("load", function () {
  window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
});
