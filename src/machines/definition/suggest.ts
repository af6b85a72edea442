/**
 * "Bedoelde u ...?" for a misspelt key, value, fact or role. Edit distance alone picks the wrong
 * word for Dutch compounds (`afhandeltermijn` is closer to `bewaartermijnen` than to `termijnen`),
 * so a long shared part weighs in, relative to the length of the candidate.
 */
export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

function longestCommonSubstring(a: string, b: string): number {
  let best = 0;
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = b.length; j >= 1; j--) {
      row[j] = a[i - 1] === b[j - 1] ? row[j - 1] + 1 : 0;
      if (row[j] > best) best = row[j];
    }
  }
  return best;
}

export function similarity(input: string, candidate: string): number {
  const a = input.toLowerCase();
  const b = candidate.toLowerCase();
  if (a === b) return 1;
  const byEdits = 1 - levenshtein(a, b) / Math.max(a.length, b.length);
  const common = longestCommonSubstring(a, b);
  const byPart = common >= 4 ? (0.9 * common) / b.length : 0;
  return Math.max(byEdits, byPart);
}

/**
 * Words a beleidsmedewerker may use for a key that has another name here. `jeugdzorg` is the term
 * from before the Jeugdwet 2015 (now `jeugdhulp`); spelling alone would suggest `zorg`.
 */
const SYNONIEMEN: Record<string, string> = {
  jeugdzorg: 'jeugdhulp',
  jeugd: 'jeugdhulp',
  ombudsman: 'tweedeLijn',
  ombudsvoorziening: 'tweedeLijn',
  hoorzitting: 'horen',
  hoorplicht: 'horen',
  wmoaanbieder: 'wmo',
  zorgaanbieder: 'zorg',
  jeugdhulpaanbieder: 'jeugdhulp',
};

/** The best candidate, or undefined when nothing is reasonably close. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  const synoniem = SYNONIEMEN[input.toLowerCase()];
  if (synoniem && candidates.includes(synoniem)) return synoniem;
  let best: string | undefined;
  let score = 0.5;
  for (const c of candidates) {
    const s = similarity(input, c);
    if (s > score) {
      score = s;
      best = c;
    }
  }
  return best;
}
