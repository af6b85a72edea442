/**
 * The routing condition language of a definition (docs/definities.md): all / any / not over named facts.
 * Evaluated over the intake facts plus facts derived from the intake (e.g. `aantalAanbieders`).
 */
import type { FeitWaarde, Feiten, IntakeInput } from '../contract';
import type { FeitTest, Voorwaarde } from '../definition/types';

/** Facts the engine derives from the intake itself; a definition may test them when it declares them. */
export const AFGELEIDE_FEITEN = ['aantalAanbieders', 'aanbiederType', 'kanaal', 'ingediendBij', 'soort'] as const;

export function afgeleideFeiten(intake: Pick<IntakeInput, 'aanbieders' | 'kanaal' | 'ingediendBij' | 'soort'>): Feiten {
  const types = [...new Set(intake.aanbieders.map((a) => a.type).filter((t): t is NonNullable<typeof t> => !!t))];
  return {
    aantalAanbieders: intake.aanbieders.length,
    aanbiederType: types.length === 1 ? types[0] : undefined,
    kanaal: intake.kanaal,
    ingediendBij: intake.ingediendBij,
    soort: intake.soort ?? 'klacht',
  };
}

/**
 * Facts as the condition sees them: the intake's own facts win over derived ones. Kept, not refused or ignored: some are
 * the loket's finding at receipt, which the intake's lists do not give (Amsterdam's aantalAanbieders counts the
 * Wmo-ketenpartners the klacht concerns, Klachtenprotocol Wmo keten §5A/§5B, not every party named), and integrators send
 * them (docs/api.md). They decide the route only: which aanbieder acts on a klacht forwarded does not rest on them (the
 * first aanbieder, KlachtActiesService), and only an aanbieder naming itself alone files one (KlachtToegangInterceptor).
 */
export function alleFeiten(intake: Pick<IntakeInput, 'aanbieders' | 'kanaal' | 'ingediendBij' | 'soort' | 'feiten'>): Feiten {
  const afgeleid = afgeleideFeiten(intake);
  const out: Feiten = { ...afgeleid };
  for (const [k, v] of Object.entries(intake.feiten ?? {})) if (v !== undefined) out[k] = v;
  return out;
}

function testFeit(t: FeitTest, waarde: FeitWaarde | undefined): boolean {
  if (t.is !== undefined) return Array.isArray(waarde) ? waarde.includes(t.is as string) : waarde === t.is;
  if (t.in !== undefined) {
    if (Array.isArray(waarde)) return waarde.some((w) => t.in!.includes(w));
    return waarde !== undefined && typeof waarde !== 'boolean' && t.in.includes(waarde);
  }
  if (t.minimaal !== undefined) return typeof waarde === 'number' && waarde >= t.minimaal;
  if (t.maximaal !== undefined) return typeof waarde === 'number' && waarde <= t.maximaal;
  // A bare `{ feit: x }` means "x is true".
  return waarde === true;
}

export function evalueer(v: Voorwaarde, feiten: Feiten): boolean {
  if ('alle' in v) return v.alle.every((c) => evalueer(c, feiten));
  if ('een' in v) return v.een.some((c) => evalueer(c, feiten));
  if ('niet' in v) return !evalueer(v.niet, feiten);
  return testFeit(v, feiten[v.feit]);
}

/** Every fact a condition names. */
export function genoemdeFeiten(v: Voorwaarde | undefined, out = new Set<string>()): Set<string> {
  if (!v) return out;
  if ('alle' in v) v.alle.forEach((c) => genoemdeFeiten(c, out));
  else if ('een' in v) v.een.forEach((c) => genoemdeFeiten(c, out));
  else if ('niet' in v) genoemdeFeiten(v.niet, out);
  else out.add(v.feit);
  return out;
}

/** Constants a condition compares a fact with (to sample values around thresholds). */
export function vergelekenWaarden(
  v: Voorwaarde | undefined,
  out = new Map<string, Set<string | number | boolean>>(),
): Map<string, Set<string | number | boolean>> {
  if (!v) return out;
  if ('alle' in v) v.alle.forEach((c) => vergelekenWaarden(c, out));
  else if ('een' in v) v.een.forEach((c) => vergelekenWaarden(c, out));
  else if ('niet' in v) vergelekenWaarden(v.niet, out);
  else {
    const s = out.get(v.feit) ?? new Set();
    if (v.is !== undefined) s.add(v.is);
    for (const w of v.in ?? []) s.add(w);
    if (v.minimaal !== undefined) [v.minimaal - 1, v.minimaal, v.minimaal + 1].forEach((n) => s.add(n));
    if (v.maximaal !== undefined) [v.maximaal - 1, v.maximaal, v.maximaal + 1].forEach((n) => s.add(n));
    out.set(v.feit, s);
  }
  return out;
}

/** The condition in Dutch, for hints and the paths listing. */
export function beschrijfVoorwaarde(v: Voorwaarde): string {
  if ('alle' in v) return v.alle.length === 1 ? beschrijfVoorwaarde(v.alle[0]) : `(${v.alle.map(beschrijfVoorwaarde).join(' en ')})`;
  if ('een' in v) return v.een.length === 1 ? beschrijfVoorwaarde(v.een[0]) : `(${v.een.map(beschrijfVoorwaarde).join(' of ')})`;
  if ('niet' in v) return `niet ${beschrijfVoorwaarde(v.niet)}`;
  if (v.is !== undefined) return `${v.feit} is ${JSON.stringify(v.is)}`;
  if (v.in !== undefined) return `${v.feit} is een van ${v.in.map((w) => JSON.stringify(w)).join(', ')}`;
  if (v.minimaal !== undefined) return `${v.feit} ≥ ${v.minimaal}`;
  if (v.maximaal !== undefined) return `${v.feit} ≤ ${v.maximaal}`;
  return v.feit;
}
