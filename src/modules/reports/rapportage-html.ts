/**
 * The printable report page: tables plus server-side SVG bar charts, no script, print CSS.
 */
import { MAANDEN } from '../../machines/termijnen/datum';
import { leesbareDag } from './rapportage-momenten';
import type { Jaaroverzicht, RapportageCijfers, Telling } from './rapportage.repository';
import { esc, staafdiagram } from './svg-grafiek';

export const WAARDE_LABELS: Record<string, string> = {
  gegrond: 'Gegrond',
  deelsGegrond: 'Deels gegrond',
  ongegrond: 'Ongegrond',
  // Awb 9:12 lid 1 names the outcomes; a klacht still open has none yet, which is not the outcome 'geen oordeel'.
  geenOordeel: 'Geen oordeel',
  nogOpen: 'Nog open (nog geen oordeel)',
  zonderOordeel: 'Afgerond zonder oordeel',
  opTijd: 'Op tijd',
  naVerdaging: 'Op tijd na verdaging of uitstel',
  teLaat: 'Te laat',
  teLaatAfgehandeld: 'Te laat afgehandeld',
  lopend: 'Nog in behandeling',
  geenTermijn: 'Zonder afhandeltermijn',
  nietTevreden: 'Niet tevreden',
  tevreden: 'Tevreden',
  telefoon: 'Telefoon',
  balie: 'Balie',
  brief: 'Brief',
  webformulier: 'Webformulier',
  email: 'E-mail',
};

export const label = (w: string): string => WAARDE_LABELS[w] ?? w;

/** "3 december 2026" for a calendar day (JJJJ-MM-DD), with ", 14:05" (Europe/Amsterdam) for a moment: plain Dutch in the printed report. */
export function datumNl(waarde: string): string {
  const dag = /^(\d{4})-(\d{2})-(\d{2})$/.exec(waarde);
  if (dag) return leesbareDag(waarde);
  const d = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(waarde))
      .map((p) => [p.type, p.value]),
  );
  return `${Number(d.day)} ${MAANDEN[Number(d.month) - 1]} ${d.year}, ${d.hour}:${d.minute}`;
}

export interface RapportageKop {
  titel: string;
  gemeente: string;
  /** The gemeenten whose klachten the report counts; more than one (after a herindeling): each row shows its gemeente. */
  gemeenten?: readonly string[];
  van: string;
  tot: string;
  drempel: number;
  gegenereerdOp: string;
  /** The instant the figures are as at; null: unknown (a report stored before it was recorded). */
  peildatum: string | null;
  filters: Record<string, string | undefined>;
  /** A stored report (made at its deadline and never made again): it says so, and what it leaves out. */
  bewaard?: boolean;
}

/**
 * The report's moments for people: what its figures are as at, and when it was made (the same for a report on request).
 * A stored report is not made again (docs/te-laat.md): an act registered after it was made, also one done before its
 * peildatum (an afdoening of the last day registered late), is not in it, which it says, so its reader knows it is the
 * report as it was made then and not the period as known now.
 */
function momenten(kop: { peildatum: string | null; gegenereerdOp: string; bewaard?: boolean }): string {
  const peil = kop.peildatum ? datumNl(kop.peildatum) : 'onbekend (bewaard voordat Klachtregie die vastlegde)';
  const bewaard = kop.bewaard
    ? ' · bewaard zoals toen gemaakt en niet opnieuw berekend: wat daarna is geregistreerd, ook met een tijdstip van vóór de peildatum, staat er niet in'
    : '';
  return `cijfers per ${esc(peil)} (peildatum) · gemaakt op ${esc(datumNl(kop.gegenereerdOp))}${bewaard}`;
}

const CSS = `
body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a;max-width:1100px}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.85rem;margin:.5rem 0}
th,td{border:1px solid #bbb;padding:.25rem .4rem;text-align:left}td.n,th.n{text-align:right}
tr.terugkerend td{background:#fde2df}.grafieken{display:flex;flex-wrap:wrap;gap:1rem}
.meta{color:#444}.knoppen{margin:1rem 0}
@media print{.knoppen{display:none}body{margin:0}h2{break-after:avoid}table,svg{break-inside:avoid}}
`;

function tellingTabel(titel: string, t: Telling[]): string {
  return `<table><thead><tr><th>${esc(titel)}</th><th class="n">Aantal</th></tr></thead><tbody>${t
    .map((r) => `<tr><td>${esc(label(r.waarde))}</td><td class="n">${r.aantal}</td></tr>`)
    .join('')}</tbody></table>`;
}

export function rapportageHtml(kop: RapportageKop, c: RapportageCijfers, links: { csv: string; json: string }): string {
  const filters = Object.entries(kop.filters).filter(([, v]) => v).map(([k, v]) => `${esc(k)}: ${esc(v)}`).join(', ');
  const grafiek = (t: string, rows: Telling[], accent?: (w: string) => boolean) =>
    staafdiagram(t, rows.map((r) => ({ label: label(r.waarde), waarde: r.aantal, accent: accent?.(r.waarde) })));
  // An aanbieder is gemeente + id (Wet arhi art. 40 e.v.: the dissolved gemeente's id may name another organisation).
  const sleutel = (x: { gemeente: string; aanbiederId: string }) => `${x.gemeente}\u0000${x.aanbiederId}`;
  const terugkerendeAanbieders = new Set(c.terugkerend.map(sleutel));
  const meer = (kop.gemeenten?.length ?? 1) > 1;
  const gemTh = meer ? '<th>Gemeente</th>' : '';
  const gemTd = (g: string) => (meer ? `<td>${esc(g)}</td>` : '');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(kop.titel)}</title><style>${CSS}</style></head><body>
<h1>${esc(kop.titel)}</h1>
<p class="meta">Gemeente ${esc(kop.gemeente)} · klachten ontvangen van ${esc(datumNl(kop.van))} tot en met ${esc(datumNl(kop.tot))}${filters ? ` · ${filters}` : ''} · ${momenten(kop)}</p>
<p class="knoppen"><a href="${esc(links.csv)}" download>Download CSV</a> · <a href="${esc(links.json)}">JSON</a> · <a href="javascript:print()">Afdrukken</a></p>
<p><strong>${c.totaal}</strong> klachten ontvangen in de periode.</p>
<div class="grafieken">
${staafdiagram('Klachten per aanbieder', c.perAanbieder.map((r) => ({ label: meer ? `${r.naam} (${r.gemeente})` : r.naam, waarde: r.aantal, accent: terugkerendeAanbieders.has(sleutel({ gemeente: r.gemeente, aanbiederId: r.waarde })) })))}
${grafiek('Naar aard', c.perAard)}
${grafiek('Naar oorzaak', c.perOorzaak)}
${grafiek('Termijnen (te laat: nu, op de peildatum)', c.perTermijn, (w) => w === 'teLaat')}
${grafiek('Oordeel (Awb 9:12)', c.perOordeel)}
${grafiek('Kanaal', c.perKanaal)}
</div>
<h2>Terugkerende klachten (zelfde aanbieder en aard, ${kop.drempel} of meer)</h2>
${c.terugkerend.length === 0 ? '<p>Geen.</p>' : `<table><thead><tr>${gemTh}<th>Aanbieder</th><th>Aard</th><th class="n">Aantal</th></tr></thead><tbody>${c.terugkerend
    .map((t) => `<tr class="terugkerend">${gemTd(t.gemeente)}<td>${esc(t.aanbiederNaam)}</td><td>${esc(t.aard)}</td><td class="n">${t.aantal}</td></tr>`)
    .join('')}</tbody></table>`}
<h2>Per aanbieder, aard en oorzaak</h2>
<table><thead><tr>${gemTh}<th>Aanbieder</th><th>Aard</th><th>Oorzaak</th><th class="n">Aantal</th><th class="n">Gegrond</th><th class="n">Deels</th><th class="n">Ongegrond</th><th class="n">Op tijd</th><th class="n">Na verdaging of uitstel</th><th class="n">Te laat</th><th class="n">Te laat afgehandeld</th><th class="n">Lopend</th><th class="n">Tevreden</th><th>Maatregelen</th></tr></thead><tbody>
${c.regels
    .map(
      (r) =>
        `<tr${r.terugkerend ? ' class="terugkerend"' : ''}>${gemTd(r.gemeente)}<td>${esc(r.aanbiederNaam)}</td><td>${esc(r.aard)}</td><td>${esc(r.oorzaak)}</td><td class="n">${r.aantal}</td><td class="n">${r.gegrond}</td><td class="n">${r.deelsGegrond}</td><td class="n">${r.ongegrond}</td><td class="n">${r.opTijd}</td><td class="n">${r.naVerdaging}</td><td class="n">${r.teLaat}</td><td class="n">${r.teLaatAfgehandeld}</td><td class="n">${r.lopend}</td><td class="n">${r.tevreden}</td><td>${esc(r.maatregelen.join(', '))}</td></tr>`,
    )
    .join('')}
</tbody></table>
<h2>Afwikkeling en tevredenheid</h2>
<div class="grafieken">${tellingTabel('Afdoening', c.perAfdoening)}${tellingTabel('Tevredenheid klager', c.perTevredenheid)}${tellingTabel('Maatregelen', c.maatregelen)}</div>
</body></html>`;
}

/** The Awb 9:12a overview; `bewaard`: a stored one, with the moment its figures are as at and when it was made. */
export function jaaroverzichtHtml(j: Jaaroverzicht, gemeenteNaam: string, bewaard?: { peildatum: string | null; gegenereerdOp: string }): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Jaaroverzicht klachten ${j.jaar}</title><style>${CSS}</style></head><body>
<h1>Geregistreerde schriftelijke klachten ${j.jaar} — ${esc(gemeenteNaam)}</h1>
<p class="meta">Awb artikel 9:12a: het bestuursorgaan registreert de schriftelijke klachten en maakt ze jaarlijks openbaar. Mondelinge klachten (Awb 9:2), signalen en meldingen tellen hier niet mee.</p>${bewaard ? `\n<p class="meta">${momenten({ ...bewaard, bewaard: true })}</p>` : ''}
<p><strong>${j.schriftelijk}</strong> schriftelijke klachten ontvangen in ${j.jaar}.</p>
<div class="grafieken">
${staafdiagram('Naar aard', j.perAard.map((r) => ({ label: label(r.waarde), waarde: r.aantal })))}
${staafdiagram('Oordeel', j.perOordeel.map((r) => ({ label: label(r.waarde), waarde: r.aantal })))}
${staafdiagram('Afdoening', j.perAfdoening.map((r) => ({ label: label(r.waarde), waarde: r.aantal })))}
</div></body></html>`;
}
