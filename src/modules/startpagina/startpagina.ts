/**
 * The landing page at / and the interactive API reference at /api/v1/docs (Swagger UI from the
 * swagger-ui-dist package, served from node_modules: no CDN, so a gemeente's network and privacy
 * rules hold and it works offline). Neither is an API resource, so neither is in the OpenAPI document.
 */
import { createHash } from 'node:crypto';

/** Links on the landing page: where a visitor (developer, beheerder, operator) goes next. */
const LINKS: Array<{ href: string; titel: string; uitleg: string }> = [
  {
    href: '/beheer',
    titel: 'Beheer',
    uitleg:
      'Procesdiagrammen met actuele aantallen, tijdlijnen, routes, voorbeeld van een definitie en rapportages (voor proceseigenaren en beleidsmedewerkers).',
  },
  { href: '/api/v1/docs', titel: 'API-referentie', uitleg: 'Alle operaties van de REST API, interactief te proberen met een API-sleutel.' },
  {
    href: '/api/v1/openapi.json',
    titel: 'OpenAPI-document',
    uitleg: 'De machineleesbare beschrijving van de API (OpenAPI 3), om een client te genereren.',
  },
  {
    href: '/api/v1/health',
    titel: 'Gezondheid',
    uitleg: 'Of de dienst, de database en de job queue werken (ook /api/v1/health/live en /api/v1/health/ready).',
  },
];

const STIJL = `body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}
a{color:#0b4f9c}a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
li{margin:.75rem 0}footer{margin-top:2rem;color:#444;font-size:.9rem}`;

/** CSP of the landing page: nothing but its own inline style (by hash). */
export const STARTPAGINA_CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STIJL).digest('base64')}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

export function startpagina(versie: string): string {
  const items = LINKS.map((l) => `<li><a href="${l.href}">${l.titel}</a><br>${l.uitleg}</li>`).join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Klachtregie</title>
<style>${STIJL}</style>
</head>
<body>
<header><h1>Klachtregie</h1></header>
<main>
<p>Klachtbehandeling voor gemeenten in het sociaal domein (Wmo, Jeugdwet, Participatiewet): elke klacht volgt de klachtregeling van de gemeente, met de wettelijke termijnen van Algemene wet bestuursrecht hoofdstuk 9.</p>
<nav aria-label="Onderdelen">
<ul>
${items}
</ul>
</nav>
<p>Voor de API en de beheerpagina's is een API-sleutel of token nodig (<code>Authorization: Bearer …</code>).</p>
</main>
<footer>Klachtregie API-versie ${versie} · EUPL-1.2</footer>
</body>
</html>`;
}

/** CSP of the API reference: Swagger UI's own script and styles from this server, calls to this server only. */
export const DOCS_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export function docsPagina(): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Klachtregie API-referentie</title>
<link rel="stylesheet" href="/api/v1/docs/swagger-ui.css">
</head>
<body>
<main id="swagger-ui" aria-label="API-referentie"></main>
<noscript><p>De interactieve referentie heeft JavaScript nodig; het <a href="/api/v1/openapi.json">OpenAPI-document</a> is ook zo te lezen.</p></noscript>
<script src="/api/v1/docs/swagger-ui-bundle.js"></script>
<script src="/api/v1/docs/start.js"></script>
</body>
</html>`;
}

/**
 * Starts Swagger UI on the served document. validatorUrl null: otherwise Swagger UI sends the
 * document to validator.swagger.io for a badge (an outside call, and the document leaves the network).
 */
export const DOCS_START = `window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true,
  persistAuthorization: false,
  tryItOutEnabled: false
});
`;
