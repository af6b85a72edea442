/**
 * Generated klachten for the report tests: a seeded pseudo-random mix over aanbieders, aard, oorzaak,
 * kanaal, oordeel and termijn outcomes, written straight into `klacht`, `klacht_gebeurtenis` and
 * `termijn` (the report SQL reads only those tables). Each test compares the report with its own
 * direct SQL count, never with these generator settings.
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export const AANBIEDERS = [
  { id: 'zorgbalans', naam: 'Zorgbalans', type: 'wmo' },
  { id: 'thuiszorg-west', naam: 'Thuiszorg West', type: 'wmo' },
  { id: 'jeugdformaat', naam: 'Jeugdformaat', type: 'jeugdhulp' },
  { id: 'vervoer-plus', naam: 'Vervoer Plus', type: 'wmo' },
];
export const AARDEN = ['bejegening', 'kwaliteit zorg', 'vervoer te laat', 'communicatie', 'bereikbaarheid'];
export const OORZAKEN = ['personeelstekort', 'planning', 'communicatiefout', 'beleid'];
export const KANALEN = ['telefoon', 'balie', 'brief', 'webformulier', 'email'];
export const OORDELEN = ['gegrond', 'deelsGegrond', 'ongegrond', null];

/** Small deterministic PRNG (mulberry32) so a failing run can be reproduced. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TestKlacht {
  id: string;
  gemeente: string;
  definitieId: string;
  definitieVersie: string;
  state: string;
  done: boolean;
  soort: string;
  kanaal: string;
  ontvangenOp: Date;
  aanbieders: Array<{ id: string; naam: string; type: string }>;
  categorie: string | null;
  oorzaak: string | null;
  afdoening: string | null;
  oordeel: string | null;
  tevredenheid: string | null;
  maatregelen: string[];
  /** State history: [state, at] from intake on; the last entry is the current state. */
  historie: Array<[string, Date]>;
  /** Afhandel-termijn: status, last day, verdaagd. */
  termijn?: {
    naam: string;
    status: 'lopend' | 'nagekomen' | 'verlopen' | 'vervallen';
    vervaldatum: string;
    verdaagd: boolean;
    beeindigdOp?: Date;
  };
}

/** The history payload of a generated klacht's event: its registration as the engine records it (engine.service.ts). */
function registratiePayload(k: TestKlacht, intake: boolean, laatste: boolean): Record<string, unknown> {
  const registratie: Record<string, unknown> = {};
  if (intake && k.categorie !== null) registratie.aard = k.categorie;
  if (intake && k.oorzaak !== null) registratie.oorzaak = k.oorzaak;
  if (laatste && k.afdoening !== null) registratie.afwikkeling = k.afdoening;
  if (laatste && k.tevredenheid !== null) registratie.tevredenheid = k.tevredenheid;
  if (laatste && k.maatregelen.length > 0) registratie.maatregelen = k.maatregelen;
  return {
    ...(Object.keys(registratie).length > 0 ? { registratie } : {}),
    ...(laatste && k.oordeel !== null ? { oordeel: k.oordeel } : {}),
  };
}

export async function insertKlachten(db: DataSource, klachten: TestKlacht[]): Promise<void> {
  for (let i = 0; i < klachten.length; i += 500) {
    const deel = klachten.slice(i, i + 500);
    await db.query(
      `insert into klacht (version, id, gemeente, definitie_id, definitie_versie, snapshot, state, state_sinds, done, soort, kanaal, ontvangen_op,
         ingediend_bij, aanbieders, categorie, oorzaak, afdoening, oordeel, tevredenheid, maatregelen)
       select 1, (r->>'id')::uuid, r->>'gemeente', r->>'definitieId', r->>'definitieVersie', '{}'::jsonb, r->>'state',
         (r->>'stateSinds')::timestamptz, (r->>'done')::boolean,
         r->>'soort', r->>'kanaal', (r->>'ontvangenOp')::timestamptz, 'gemeente', r->'aanbieders', r->>'categorie', r->>'oorzaak',
         r->>'afdoening', r->>'oordeel', r->>'tevredenheid', r->'maatregelen'
       from jsonb_array_elements($1::jsonb) r`,
      // As the engine writes it: time in state from the last state change (the last history entry).
      [JSON.stringify(deel.map((k) => ({ ...k, stateSinds: k.historie[k.historie.length - 1][1] })))],
    );
    // As the engine writes it: every registered value also in the history (what a stored report reads as at its
    // peildatum): aard and oorzaak at intake, oordeel, afwikkeling, tevredenheid and maatregelen with the last step.
    const hist = deel.flatMap((k) =>
      k.historie.map(([state, at], j) => ({
        klachtId: k.id,
        type: j === 0 ? 'KLACHT_ONTVANGEN' : 'STAP',
        van: j === 0 ? null : k.historie[j - 1][0],
        naar: state,
        at,
        payload: registratiePayload(k, j === 0, j === k.historie.length - 1),
      })),
    );
    await db.query(
      `insert into klacht_gebeurtenis (klacht_id, type, van_state, naar_state, actor, at, payload)
       select (r->>'klachtId')::uuid, r->>'type', r->>'van', r->>'naar', 'test', (r->>'at')::timestamptz, r->'payload'
       from jsonb_array_elements($1::jsonb) with ordinality x(r, i) order by i`,
      [JSON.stringify(hist)],
    );
    const termijnen = deel.filter((k) => k.termijn).map((k) => ({ klachtId: k.id, ...k.termijn }));
    // A passed termijn of a klacht that ended is closed at its end, as the engine writes it (te-laat.ts).
    await db.query(
      `insert into termijn (id, klacht_id, naam, label, vervaldatum, vervalt_op, uitleg, status, mutaties, beeindigd_op, gesloten_op)
       select gen_random_uuid(), (r->>'klachtId')::uuid, r->>'naam', 'Afhandeltermijn', (r->>'vervaldatum')::date,
         ((r->>'vervaldatum')::date + 1)::timestamp at time zone 'Europe/Amsterdam',
         '["6 weken na ontvangst"]'::jsonb, r->>'status',
         case when (r->>'verdaagd')::boolean then '[{"soort":"verdaging","at":"2026-01-01T00:00:00Z","duur":"P4W","vervaldatumNa":"2026-02-01"}]'::jsonb else '[]'::jsonb end,
         (r->>'beeindigdOp')::timestamptz, case when r->>'status' = 'verlopen' then (r->>'beeindigdOp')::timestamptz end
       from jsonb_array_elements($1::jsonb) r`,
      [JSON.stringify(termijnen)],
    );
    // As the engine writes it after reconciling termijnen: the earliest vervalt_op of the open obligations.
    await db.query(
      `update klacht k set eerste_vervalt_op = case when k.done then null else (select min(t.vervalt_op) from termijn t where t.klacht_id = k.id
         and t.verplichting and (t.status = 'lopend' or (t.status = 'verlopen' and t.gesloten_op is null))) end
       where k.id = any($1::uuid[])`,
      [deel.map((k) => k.id)],
    );
  }
}

const dag = (d: Date) => d.toISOString().slice(0, 10);

/** `n` klachten for one gemeente, received between `van` and `tot`, relative to `nu`. */
export function genereerKlachten(opts: {
  n: number;
  seed: number;
  gemeente: string;
  definitieId: string;
  versie?: string;
  van: Date;
  tot: Date;
  nu: Date;
}): TestKlacht[] {
  const r = prng(opts.seed);
  const kies = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: TestKlacht[] = [];
  const span = opts.tot.getTime() - opts.van.getTime();
  for (let i = 0; i < opts.n; i++) {
    const ontvangen = new Date(opts.van.getTime() + Math.floor(r() * span));
    const aantalAanbieders = r() < 0.15 ? 0 : r() < 0.9 ? 1 : 2;
    const aanbieders = [...new Set(Array.from({ length: aantalAanbieders }, () => kies(AANBIEDERS)))];
    const done = ontvangen.getTime() < opts.nu.getTime() - 50 * 86400_000 ? r() < 0.95 : r() < 0.3;
    const vervaldatum = dag(new Date(ontvangen.getTime() + 42 * 86400_000));
    const verdaagd = r() < 0.2;
    const laat = r() < 0.15;
    let termijn: TestKlacht['termijn'];
    if (r() < 0.85) {
      if (done) {
        // Ended before now, as the engine writes it (an event never lies after the clock): a klacht afgedaan late 50 days
        // after receipt only if those days have passed; otherwise it was met in time, by now at the latest.
        const laatEinde = ontvangen.getTime() + 50 * 86400_000;
        const wasLaat = laat && laatEinde <= opts.nu.getTime() - 3600_000;
        termijn = {
          naam: 'afhandeling',
          status: wasLaat ? 'verlopen' : 'nagekomen',
          vervaldatum,
          verdaagd,
          beeindigdOp: new Date(
            wasLaat
              ? laatEinde
              : Math.max(ontvangen.getTime(), Math.min(ontvangen.getTime() + 30 * 86400_000, opts.nu.getTime() - 3600_000)),
          ),
        };
      } else termijn = { naam: 'afhandeling', status: 'lopend', vervaldatum, verdaagd };
    }
    const state = done ? kies(['afgedaan', 'informeelAfgedaan']) : kies(['ontvangen', 'inBehandeling', 'hoorzitting']);
    const sinds = new Date(Math.min(opts.nu.getTime() - 3600_000, ontvangen.getTime() + Math.floor(r() * 20) * 86400_000));
    out.push({
      id: randomUUID(),
      gemeente: opts.gemeente,
      definitieId: opts.definitieId,
      definitieVersie: opts.versie ?? '2015-01',
      state,
      done,
      soort: r() < 0.85 ? 'klacht' : kies(['signaal', 'melding']),
      kanaal: kies(KANALEN),
      ontvangenOp: ontvangen,
      aanbieders,
      categorie: r() < 0.05 ? null : kies(AARDEN),
      oorzaak: r() < 0.1 ? null : kies(OORZAKEN),
      afdoening: done ? kies(['oordeel', 'informeel', 'nietBehandeld']) : null,
      oordeel: done ? kies(OORDELEN) : null,
      tevredenheid: done ? kies(['tevreden', 'nietTevreden', null]) : null,
      maatregelen: done && r() < 0.4 ? [kies(['extra training', 'planning aangepast', 'excuses aangeboden'])] : [],
      historie:
        state === 'ontvangen'
          ? [[state, ontvangen]]
          : [
              ['ontvangen', ontvangen],
              [state, sinds < ontvangen ? ontvangen : sinds],
            ],
      termijn,
    });
  }
  return out;
}
