import PDFDocument from 'pdfkit';

/**
 * The PDF of a letter, from its rendered HTML, in pure JavaScript (pdfkit with its built-in Helvetica:
 * no browser, no fonts on the host). Templates may use only the tags the PDF reproduces (validation,
 * TOEGESTANE_TAGS in src/machines/definition/brieven.ts): h1-h3, p, ul/ol/li, strong, em, br.
 */
type BlokSoort = 'h1' | 'h2' | 'h3' | 'p' | 'li';
interface Stuk {
  tekst: string;
  vet: boolean;
  schuin: boolean;
}
interface Blok {
  soort: BlokSoort;
  stukken: Stuk[];
}

const ENTITEITEN: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function ontsnap(t: string): string {
  return t.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITEITEN[e.toLowerCase()] ?? m;
  });
}

/** The blocks of the letter's body, in order. */
export function blokken(html: string): Blok[] {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  const uit: Blok[] = [];
  let huidig: Blok | undefined;
  let vet = 0;
  let schuin = 0;
  const sluit = () => {
    if (huidig && huidig.stukken.some((s) => s.tekst.trim())) {
      // Collapse whitespace as a browser does, keeping explicit line breaks.
      huidig.stukken = huidig.stukken.map((s) => ({ ...s, tekst: s.tekst === '\n' ? '\n' : s.tekst.replace(/\s+/g, ' ') }));
      const eerste = huidig.stukken.find((s) => s.tekst !== '\n');
      if (eerste) eerste.tekst = eerste.tekst.replace(/^ /, '');
      uit.push(huidig);
    }
    huidig = undefined;
  };
  const re = /<(\/?)([a-zA-Z0-9]+)[^>]*>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[3] !== undefined) {
      const tekst = ontsnap(m[3]);
      if (!huidig) {
        if (!tekst.trim()) continue;
        huidig = { soort: 'p', stukken: [] };
      }
      huidig.stukken.push({ tekst, vet: vet > 0, schuin: schuin > 0 });
      continue;
    }
    const dicht = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'strong' || tag === 'b') vet += dicht ? -1 : 1;
    else if (tag === 'em' || tag === 'i') schuin += dicht ? -1 : 1;
    else if (tag === 'br') huidig?.stukken.push({ tekst: '\n', vet: false, schuin: false });
    else if (['h1', 'h2', 'h3', 'p', 'li'].includes(tag)) {
      sluit();
      if (!dicht) huidig = { soort: tag as BlokSoort, stukken: [] };
    } else if (tag === 'ul' || tag === 'ol') sluit();
  }
  sluit();
  return uit;
}

const GROOTTE: Record<BlokSoort, number> = { h1: 16, h2: 13, h3: 12, p: 11, li: 11 };

export function briefPdf(html: string, meta: { titel: string; gemaaktOp: Date }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: 60,
      info: { Title: meta.titel, Producer: 'Klachtregie', Creator: 'Klachtregie', CreationDate: meta.gemaaktOp },
      lang: 'nl-NL',
    } as PDFKit.PDFDocumentOptions);
    const delen: Buffer[] = [];
    doc.on('data', (b: Buffer) => delen.push(b));
    doc.on('end', () => resolve(Buffer.concat(delen)));
    doc.on('error', reject);
    for (const blok of blokken(html)) {
      const kop = blok.soort.startsWith('h');
      doc.fontSize(GROOTTE[blok.soort]);
      if (kop) doc.moveDown(0.5);
      const stukken = blok.soort === 'li' ? [{ tekst: '•  ', vet: false, schuin: false }, ...blok.stukken] : blok.stukken;
      stukken.forEach((s, i) => {
        doc.font(kop || s.vet ? (s.schuin ? 'Helvetica-BoldOblique' : 'Helvetica-Bold') : s.schuin ? 'Helvetica-Oblique' : 'Helvetica');
        doc.text(s.tekst, { continued: i < stukken.length - 1, indent: blok.soort === 'li' && i === 0 ? 12 : 0 });
      });
      doc.moveDown(blok.soort === 'li' ? 0.2 : 0.6);
    }
    doc.end();
  });
}
