/**
 * CSV for Dutch spreadsheets. Choice (documented in docs/rapportages.md): `;` as separator, because
 * Excel with Dutch regional settings uses the decimal comma and therefore expects `;`; a UTF-8 byte
 * order mark so Excel reads ë and é correctly; CRLF line ends (RFC 4180); every field that contains
 * `;`, `"` or a line break quoted. Fields starting with = + - @ get a leading apostrophe, so a value
 * typed by a klager can never run as a spreadsheet formula (CSV injection).
 */
import type { RapportageRegel } from './rapportage.repository';

export const CSV_SCHEIDINGSTEKEN = ';';
export const BOM = '\uFEFF';

export const CSV_KOLOMMEN: ReadonlyArray<{ kop: string; waarde: (r: RapportageRegel, ctx: CsvContext) => string | number }> = [
  { kop: 'Gemeente', waarde: (_r, c) => c.gemeente },
  { kop: 'Periode van', waarde: (_r, c) => c.van },
  { kop: 'Periode tot en met', waarde: (_r, c) => c.tot },
  { kop: 'Aanbieder', waarde: (r) => r.aanbiederNaam },
  { kop: 'Aanbieder-id', waarde: (r) => r.aanbiederId },
  { kop: 'Aard', waarde: (r) => r.aard },
  { kop: 'Oorzaak', waarde: (r) => r.oorzaak },
  { kop: 'Aantal klachten', waarde: (r) => r.aantal },
  { kop: 'Gegrond', waarde: (r) => r.gegrond },
  { kop: 'Deels gegrond', waarde: (r) => r.deelsGegrond },
  { kop: 'Ongegrond', waarde: (r) => r.ongegrond },
  { kop: 'Zonder oordeel', waarde: (r) => r.zonderOordeel },
  { kop: 'Op tijd afgehandeld', waarde: (r) => r.opTijd },
  // Awb 9:11 lid 2 and 3: met after a verdaging or an uitstel the klager consented to (rapportage.repository.ts verlengdSql).
  { kop: 'Op tijd na verdaging of uitstel', waarde: (r) => r.naVerdaging },
  // te-laat.ts: late now, the same klachten as the heatmap and `overdue=true`; then "was late when met" (Awb 9:11).
  { kop: 'Te laat', waarde: (r) => r.teLaat },
  { kop: 'Te laat afgehandeld', waarde: (r) => r.teLaatAfgehandeld },
  { kop: 'Nog in behandeling', waarde: (r) => r.lopend },
  { kop: 'Klager tevreden', waarde: (r) => r.tevreden },
  { kop: 'Klager niet tevreden', waarde: (r) => r.nietTevreden },
  { kop: 'Maatregelen', waarde: (r) => r.maatregelen.join(' | ') },
  { kop: 'Terugkerende klacht', waarde: (r) => (r.terugkerend ? 'ja' : 'nee') },
  // An aanbieder is gemeente + id: after a herindeling the same id may be another gemeente's organisation (Wet arhi
  // art. 40 e.v.). Last, so sheets that read the earlier columns by position keep working.
  { kop: 'Gemeente van de klachten', waarde: (r) => r.gemeente },
  // The moment the figures are as at (a stored report: 00:00 on its deadline, also when it was made later); after the
  // earlier columns for the same reason.
  { kop: 'Peildatum', waarde: (_r, c) => peildatumTekst(c.peildatum) },
];

export interface CsvContext {
  gemeente: string;
  van: string;
  tot: string;
  /** The instant the figures are as at (ISO 8601); null or absent: unknown (a report stored before it was recorded). */
  peildatum?: string | null;
}

/** A peildatum for a spreadsheet: `JJJJ-MM-DD UU:MM` in Europe/Amsterdam (a date-time Excel reads), or `onbekend`. */
export function peildatumTekst(peildatum: string | null | undefined): string {
  if (!peildatum) return 'onbekend';
  const d = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(peildatum))
      .map((p) => [p.type, p.value]),
  );
  return `${d.year}-${d.month}-${d.day} ${d.hour}:${d.minute}`;
}

export function csvVeld(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function rapportageCsv(regels: RapportageRegel[], ctx: CsvContext): string {
  const lijnen = [CSV_KOLOMMEN.map((k) => csvVeld(k.kop)).join(CSV_SCHEIDINGSTEKEN)];
  for (const r of regels) lijnen.push(CSV_KOLOMMEN.map((k) => csvVeld(k.waarde(r, ctx))).join(CSV_SCHEIDINGSTEKEN));
  return BOM + lijnen.join('\r\n') + '\r\n';
}

/** Parser for the CSV written above (tests, and aanbieders who upload the same format). */
export function parseCsv(tekst: string, sep = CSV_SCHEIDINGSTEKEN): string[][] {
  const s = tekst.startsWith(BOM) ? tekst.slice(1) : tekst;
  const rows: string[][] = [];
  let row: string[] = [];
  let veld = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        veld += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else veld += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(veld);
      veld = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(veld);
      rows.push(row);
      row = [];
      veld = '';
    } else veld += ch;
  }
  if (veld !== '' || row.length > 0) {
    row.push(veld);
    rows.push(row);
  }
  return rows;
}
