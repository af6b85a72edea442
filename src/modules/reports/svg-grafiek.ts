/**
 * Horizontal bar charts drawn as SVG on the server: printable, no chart library, no script.
 * Text is escaped; sizes are in user units so the chart scales with the page.
 */
export function esc(s: string | number | null | undefined): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface Staaf {
  label: string;
  waarde: number;
  /** Optional highlight, e.g. a terugkerende klacht. */
  accent?: boolean;
}

export function staafdiagram(titel: string, staven: Staaf[], opts: { breedte?: number; max?: number } = {}): string {
  const breedte = opts.breedte ?? 640;
  const labelBreedte = 220;
  const rij = 22;
  const top = 28;
  const hoogte = top + Math.max(1, staven.length) * rij + 8;
  const max = Math.max(1, opts.max ?? Math.max(0, ...staven.map((s) => s.waarde)));
  const ruimte = breedte - labelBreedte - 60;
  const delen = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" role="img" aria-label="${esc(titel)}" viewBox="0 0 ${breedte} ${hoogte}" width="${breedte}" height="${hoogte}">`,
    `<title>${esc(titel)}</title>`,
    `<text x="0" y="16" font-size="14" font-weight="bold" font-family="sans-serif">${esc(titel)}</text>`,
  ];
  if (staven.length === 0) {
    delen.push(`<text x="0" y="${top + 14}" font-size="12" font-family="sans-serif" fill="#555">geen klachten in deze periode</text>`);
  }
  staven.forEach((s, i) => {
    const y = top + i * rij;
    const w = Math.round((s.waarde / max) * ruimte);
    const label = s.label.length > 32 ? `${s.label.slice(0, 31)}…` : s.label;
    delen.push(
      `<g class="staaf" data-label="${esc(s.label)}" data-waarde="${s.waarde}">`,
      `<text x="${labelBreedte - 6}" y="${y + 14}" font-size="12" text-anchor="end" font-family="sans-serif">${esc(label)}</text>`,
      `<rect x="${labelBreedte}" y="${y + 3}" width="${Math.max(w, s.waarde > 0 ? 2 : 0)}" height="${rij - 8}" fill="${s.accent ? '#c0392b' : '#1f6f9f'}"/>`,
      `<text x="${labelBreedte + w + 6}" y="${y + 14}" font-size="12" font-family="sans-serif">${s.waarde}</text>`,
      `</g>`,
    );
  });
  delen.push('</svg>');
  return delen.join('');
}
