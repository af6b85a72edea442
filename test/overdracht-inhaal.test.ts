/**
 * The hand-over at contract end (Klachtenprotocol Wmo keten Amsterdam §9; Wmo 2015 art. 2.1.1) takes each klacht over as
 * it stands at its moment: an aanbieder's termijn that passed before it is fired first (termijnen/achterstand.ts
 * haalWekkersIn), so the overschrijding is on record before the takeover stops it (Awb 9:24 lid 1 sub b naar analogie;
 * §6). Where that wake-up is not the hand-over's to run (here: the klacht's import line is still being written,
 * docs/import.md, and the import fires its termijnen at their historic moments itself), the klacht still shows the passed
 * termijn running. It is then left out of this hand-over with the reason (manifest.json nietMeegenomen, the header
 * X-Klachten-Niet-Meegenomen): not taken over, not archived, not recorded, so the aanbieder still reaches it, and the
 * rest of the hand-over goes on. Once the import line is done, another hand-over fires the expiry and takes it over.
 *
 * Amsterdam's seed definition, fixed dates by the injected clock; no worker runs (ROLE=api), so no wake-up runs unless
 * the hand-over runs it.
 */
import request from 'supertest';
import { IMPORT_BEZIG_ROUTE, intakeSleutel } from '../src/modules/import/import-bezig';
import { bearer } from './auth-support';
import type { EngineApp } from './support/engine-harness';
import { archiefBestanden, overdrachtApp, type OverdrachtApp } from './support/overdracht';

const AANBIEDER = 'zorg-import';

let overdracht: OverdrachtApp;
let a: EngineApp;
let aanbieder: string;

beforeAll(async () => {
  overdracht = await overdrachtApp('overdracht_inhaal');
  a = overdracht.a;
  aanbieder = await bearer(a.app, 'GM0363', 'aanbieder', AANBIEDER);
}, 120_000);

afterAll(async () => {
  await overdracht?.close();
});

/** Received at the gemeente on 2 April 2026, forwarded to the aanbieder, who made contact the next day. */
const bijAanbieder = () => overdracht.klacht(AANBIEDER, '2026-04-02', { contact: '2026-04-03' });

/** What a hand-over may change of a klacht: state, termijnen, history (with the expiry's termijn), outbox. */
const beeld = async (id: string) => ({
  state: ((await a.db.query(`select state from klacht where id = $1`, [id])) as Array<{ state: string }>)[0].state,
  termijnen: (await a.db.query(
    `select naam, status, to_char(vervaldatum, 'YYYY-MM-DD') as vervaldatum, verval_gemeld_op is not null as gevuurd
       from termijn where klacht_id = $1 order by created_at, naam`,
    [id],
  )) as Array<Record<string, unknown>>,
  historie: (
    (await a.db.query(`select type, payload->>'termijn' as termijn from klacht_gebeurtenis where klacht_id = $1 and accepted order by id`, [
      id,
    ])) as Array<{ type: string; termijn: string | null }>
  ).map((g) => (g.termijn ? `${g.type}:${g.termijn}` : g.type)),
  outbox: ((await a.db.query(`select count(*)::int as n from outbox where klacht_id = $1`, [id])) as Array<{ n: number }>)[0].n,
  overgedragen: (
    (await a.db.query(`select count(*)::int as n from overgedragen_klacht where klacht_id = $1`, [id])) as Array<{ n: number }>
  )[0].n,
});

async function draagOver() {
  const r = await overdracht.draagOver(AANBIEDER);
  expect([r.status, r.headers['content-type']]).toEqual([200, 'application/x-tar']);
  const bestanden = archiefBestanden(r.body);
  const manifest = JSON.parse(bestanden.get('manifest.json')!.toString('utf8')) as {
    klachten: string[];
    nietMeegenomen: Array<{ klacht: string; reden: string }>;
  };
  return {
    overgenomen: Number(r.headers['x-klachten-overgenomen']),
    nietMeegenomen: Number(r.headers['x-klachten-niet-meegenomen']),
    manifest,
    mappen: [...new Set([...bestanden.keys()].filter((p) => p.startsWith('klachten/')).map((p) => p.split('/')[1]))].sort(),
  };
}

it('Klachtenprotocol Wmo keten Amsterdam §6, §9 with Awb 9:24 lid 1 sub b naar analogie: a klacht whose aanbiederAfhandeling passed on 14 May while its import line is still running is not taken over before that expiry but left out of the hand-over, named with the reason, still reachable by the aanbieder; the other klacht is handed over; after the import another hand-over records the expiry first, then the takeover', async () => {
  const gewoon = await bijAanbieder();
  const inImport = await bijAanbieder();
  // The state the import leaves between a line's intake and its events: the intake's key with the route import-bezig.
  await a.db.query(
    `insert into idempotentie_sleutel (gemeente, sleutel, route, request_hash, status, resultaat) values ('GM0363', $1, $2, $3, 'bezig', $4)`,
    [intakeSleutel('INHAAL-OVERDRACHT'), IMPORT_BEZIG_ROUTE, '0'.repeat(64), JSON.stringify({ klachtId: inImport })],
  );
  const voor = await beeld(inImport);
  // Six weeks from 2 April: the last day is 14 May, due at midnight; on 1 June nothing has fired it.
  expect([voor.state, voor.termijnen]).toEqual([
    'bijAanbieder.inBehandeling',
    expect.arrayContaining([{ naam: 'aanbiederAfhandeling', status: 'lopend', vervaldatum: '2026-05-14', gevuurd: false }]),
  ]);

  const eerste = await draagOver();

  expect([eerste.overgenomen, eerste.nietMeegenomen]).toEqual([1, 1]);
  expect(eerste.manifest.klachten).toEqual([gewoon]);
  expect(eerste.mappen).toEqual([gewoon]);
  expect(eerste.manifest.nietMeegenomen).toEqual([
    {
      klacht: inImport,
      reden:
        'de klacht wordt geïmporteerd: haar termijn aanbiederAfhandeling (Afhandeling door de ketenpartner, uiterlijk 2026-05-14) is verstreken en de import heeft dat nog niet verwerkt; niet overgenomen en niet in dit archief, draag opnieuw over zodra haar import klaar is',
    },
  ]);
  // Not stepped before its expiry, nothing written, and the aanbieder still handles it.
  expect(await beeld(inImport)).toEqual(voor);
  await request(a.http).get(`/api/v1/klachten/${inImport}`).set('Authorization', aanbieder).expect(200);
  // The other klacht: its expiry first, then the takeover; handed over (the aanbieder no longer reaches it).
  expect((await beeld(gewoon)).historie.slice(-2)).toEqual(['TERMIJN_VERLOPEN:aanbiederAfhandeling', 'AANBIEDER_CONTRACT_BEEINDIGD']);
  await request(a.http).get(`/api/v1/klachten/${gewoon}`).set('Authorization', aanbieder).expect(404);

  // The import line is done: another hand-over fires the expiry at its own moment, then takes the klacht over.
  await a.db.query(`update idempotentie_sleutel set route = 'import', status = 'klaar' where sleutel = $1`, [
    intakeSleutel('INHAAL-OVERDRACHT'),
  ]);
  const tweede = await draagOver();
  expect([tweede.overgenomen, tweede.nietMeegenomen, tweede.manifest.nietMeegenomen]).toEqual([1, 0, []]);
  expect(tweede.mappen).toEqual([gewoon, inImport].sort());
  const na = await beeld(inImport);
  expect(na.state).toMatch(/^gemeente\./);
  expect(na.historie.slice(voor.historie.length)).toEqual(['TERMIJN_VERLOPEN:aanbiederAfhandeling', 'AANBIEDER_CONTRACT_BEEINDIGD']);
  expect(na.overgedragen).toBe(1);
  await request(a.http).get(`/api/v1/klachten/${inImport}`).set('Authorization', aanbieder).expect(404);
}, 60_000);
