/**
 * The HTML shells of the process-owner pages under /beheer (outside /api/v1: they are not API
 * resources). A shell holds no data and needs no token; its script fetches everything from /api/v1
 * with the bearer token from sessionStorage (docs/beheer.md). So the pages are as protected as the
 * API itself, there is no cookie (no CSRF), and the token never appears in a URL the server sees.
 */
import { esc } from '../reports/svg-grafiek';

export type Pagina = 'index' | 'diagram' | 'tijdlijn' | 'paden' | 'voorbeeld' | 'rapportages' | 'werkvoorraad' | 'intake' | 'editor';

const TITELS: Record<Pagina, string> = {
  index: 'Overzicht',
  diagram: 'Procesdiagram',
  tijdlijn: 'Klacht',
  paden: 'Alle routes van een klacht',
  voorbeeld: 'Regeling controleren',
  rapportages: 'Rapportages',
  werkvoorraad: 'Werkvoorraad',
  intake: 'Nieuwe klacht',
  editor: 'Regeling bewerken',
};

/** The main navigation; the werkvoorraad link is shown to klachtbehandelaars and aanbieders only (beheer.js). */
const MENU: Array<{ soort: Pagina; href: string; tekst: string; rollen?: string }> = [
  { soort: 'index', href: '/beheer', tekst: 'Overzicht' },
  { soort: 'werkvoorraad', href: '/beheer/werkvoorraad', tekst: 'Werkvoorraad', rollen: 'klachtbehandelaar aanbieder' },
  { soort: 'rapportages', href: '/beheer/rapportages', tekst: 'Rapportages' },
  { soort: 'voorbeeld', href: '/beheer/voorbeeld', tekst: 'Regeling controleren', rollen: 'beleidsmedewerker procesEigenaar' },
  { soort: 'editor', href: '/beheer/editor', tekst: 'Regeling bewerken', rollen: 'beleidsmedewerker' },
];

/** Content-Security-Policy of every page: only our own script, no inline script, no framing. */
export const PAGINA_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export function pagina(soort: Pagina, data: Record<string, string> = {}): string {
  const attrs = Object.entries(data)
    .map(([k, v]) => ` data-${k}="${esc(v)}"`)
    .join('');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(TITELS[soort])} — Klachtregie</title>
<link rel="stylesheet" href="/beheer/assets/beheer.css">
${soort === 'editor' ? '<script src="/beheer/assets/editor.js" defer></script>\n' : ''}<script src="/beheer/assets/amsterdamse-tijd.js" defer></script>
<script src="/beheer/assets/beheer.js" defer></script>
</head>
<body data-pagina="${soort}"${attrs}>
<a class="overslaan" href="#inhoud">Naar de inhoud</a>
<header class="kop">
  <a class="merk" href="/beheer">Klachtregie</a>
  <nav aria-label="Hoofdmenu"><ul>${MENU.map(
    (m) =>
      `<li${m.rollen ? ` data-rollen="${esc(m.rollen)}" hidden` : ''}><a href="${m.href}"${m.soort === soort ? ' aria-current="page"' : ''}>${esc(m.tekst)}</a></li>`,
  ).join('')}</ul></nav>
  <p id="wie" class="wie"></p>
  <button type="button" id="uitloggen" hidden>Uitloggen</button>
</header>
<main id="inhoud" tabindex="-1">
  <h1 id="titel">${esc(TITELS[soort])}</h1>
  <form id="inloggen" class="inloggen" hidden>
    <p>Log in met uw sleutel (API-sleutel of token). U krijgt die van de beheerder van Klachtregie in uw gemeente. De sleutel blijft alleen in dit tabblad bewaard.</p>
    <label for="sleutel">Sleutel</label>
    <input type="password" id="sleutel" autocomplete="off" required aria-describedby="inlogfout">
    <button type="submit">Inloggen</button>
    <p id="inlogfout" class="fout" role="alert"></p>
  </form>
  <p id="melding" class="melding" role="status" aria-live="polite"></p>
  <div id="pagina"></div>
</main>
<noscript><p>Deze pagina heeft JavaScript nodig.</p></noscript>
</body>
</html>`;
}
