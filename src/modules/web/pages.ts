/**
 * The HTML shells of the process-owner pages under /beheer (outside /api/v1: they are not API
 * resources). A shell holds no data and needs no token; its script fetches everything from /api/v1
 * with the bearer token from sessionStorage (docs/beheer.md). So the pages are as protected as the
 * API itself, there is no cookie (no CSRF), and the token never appears in a URL the server sees.
 */
import { esc } from '../reports/svg-grafiek';

export type Pagina = 'index' | 'diagram' | 'tijdlijn' | 'paden' | 'voorbeeld' | 'rapportages';

const TITELS: Record<Pagina, string> = {
  index: 'Klachtregie — beheer',
  diagram: 'Procesdiagram',
  tijdlijn: 'Tijdlijn van een klacht',
  paden: 'Alle routes van een klacht',
  voorbeeld: 'Definitie voorbeeld',
  rapportages: 'Rapportages',
};

/** Content-Security-Policy of every page: only our own script, no inline script, no framing. */
export const PAGINA_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function pagina(soort: Pagina, data: Record<string, string> = {}): string {
  const attrs = Object.entries(data).map(([k, v]) => ` data-${k}="${esc(v)}"`).join('');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(TITELS[soort])}</title>
<link rel="stylesheet" href="/beheer/assets/beheer.css">
<script src="/beheer/assets/beheer.js" defer></script>
</head>
<body data-pagina="${soort}"${attrs}>
<header class="kop">
  <a class="merk" href="/beheer">Klachtregie</a>
  <nav><a href="/beheer">Overzicht</a><a href="/beheer/rapportages">Rapportages</a><a href="/beheer/voorbeeld">Definitie voorbeeld</a></nav>
  <span id="wie"></span>
  <button type="button" id="uitloggen" hidden>Uitloggen</button>
</header>
<main id="inhoud">
  <h1 id="titel">${esc(TITELS[soort])}</h1>
  <form id="inloggen" class="inloggen" hidden>
    <p>Log in met uw API-sleutel of token (rol procesEigenaar, beleidsmedewerker of klachtbehandelaar). De sleutel blijft alleen in dit tabblad bewaard.</p>
    <label>Sleutel <input type="password" id="sleutel" autocomplete="off" required></label>
    <button type="submit">Inloggen</button>
    <p id="inlogfout" class="fout" role="alert"></p>
  </form>
  <div id="pagina" aria-live="polite"></div>
</main>
<noscript>Deze pagina heeft JavaScript nodig.</noscript>
</body>
</html>`;
}
