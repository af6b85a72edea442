/**
 * The hand-over at contract end (Klachtenprotocol Wmo keten Amsterdam §9: every current and historical klacht file to the
 * gemeente) delivers each klacht as it stood at the hand-over's moment, and every hand-over of a klacht stays on record:
 * - the archive is made after the gemeente's takeover (Wmo 2015 art. 2.1.1): it shows the takeover itself and the
 *   aanbieder termijn that passed before it, with its expiry (Awb 9:24 lid 1 sub b naar analogie);
 * - a klacht not taken over (already at the gemeente) whose termijn passed before the hand-over, the worker behind, is
 *   archived with that termijn passed (Awb 9:18, 9:24 lid 1 sub b: it passed on its day, not when a worker runs);
 * - a klacht handed over twice is recorded with both hand-overs (AVG art. 30: the gemeente shows what went when);
 * - a hand-over that fails halfway records nothing and leaves the aanbieder the klachten still its own; the second
 *   hand-over ("Repeatable") archives and records all of them, naming every takeover with its moment.
 *
 * Amsterdam's seed definition, fixed dates by the injected clock; no worker runs (ROLE=api), so no wake-up runs unless
 * the hand-over runs it. Each test its own aanbieder.
 */
import { createHash } from 'node:crypto';
import request from 'supertest';
import { bearer } from './auth-support';
import type { EngineApp } from './support/engine-harness';
import { archiefBestanden, OVERDRACHT_NU as NU, overdrachtApp, type OverdrachtApp } from './support/overdracht';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let overdracht: OverdrachtApp;
let a: EngineApp;

beforeAll(async () => {
  overdracht = await overdrachtApp('overdracht_archief');
  a = overdracht.a;
}, 120_000);

afterAll(async () => {
  await overdracht?.close();
});

/** A klacht about one aanbieder received on `dag`: forwarded to it (§5A), or with `direct` handled by the gemeente (§5B). */
const nieuw = (aanbiederId: string, dag: string, opties: { contact?: string; direct?: boolean } = {}) =>
  overdracht.klacht(aanbiederId, dag, opties);

interface Dossier {
  klacht: { id: string; state: string };
  gebeurtenissen: Array<{ type: string; at: string; payload: { termijn?: string } | null }>;
  termijnen: Array<{ naam: string; status: string }>;
}
interface Overdracht {
  status: number;
  overgenomen: number;
  manifestSha: string;
  manifest: { klachten: string[]; gemaaktOp: string; overgenomen: Array<{ klacht: string; op: string }> };
  dossier: (id: string) => Dossier;
}

async function draagOver(aanbiederId: string): Promise<Overdracht> {
  const r = await overdracht.draagOver(aanbiederId);
  if (r.status !== 200) return { status: r.status } as Overdracht;
  const bestanden = archiefBestanden(r.body);
  const manifestBytes = bestanden.get('manifest.json')!;
  expect(sha(manifestBytes)).toBe(r.headers['x-manifest-sha256']);
  return {
    status: r.status,
    overgenomen: Number(r.headers['x-klachten-overgenomen']),
    manifestSha: r.headers['x-manifest-sha256'] as string,
    manifest: JSON.parse(manifestBytes.toString('utf8')),
    dossier: (id) => JSON.parse(bestanden.get(`klachten/${id}/klacht.json`)!.toString('utf8')) as Dossier,
  };
}

const typen = (d: Dossier) => d.gebeurtenissen.map((g) => (g.type === 'TERMIJN_VERLOPEN' ? `${g.type}:${g.payload?.termijn}` : g.type));
const state = async (id: string) =>
  ((await a.db.query(`select state from klacht where id = $1`, [id])) as Array<{ state: string }>)[0].state;
const aantalGebeurtenissen = async (id: string) =>
  (
    (await a.db.query(`select count(*)::int as n from klacht_gebeurtenis where klacht_id = $1 and accepted`, [id])) as Array<{ n: number }>
  )[0].n;
/** The hand-overs recorded for a klacht, with the hand-over's aanbieder and manifest. */
const overdrachtenVan = async (id: string) =>
  (await a.db.query(
    `select o.overdracht_id as id, o.aanbieder_id as aanbieder, ao.manifest_sha256 as manifest
       from overgedragen_klacht o join aanbieder_overdracht ao on ao.id = o.overdracht_id
      where o.klacht_id = $1 order by ao.at, ao.manifest_sha256`,
    [id],
  )) as Array<{ id: string; aanbieder: string; manifest: string }>;

describe('Klachtenprotocol Wmo keten Amsterdam §9: the hand-over archive shows each klacht as it stood at the hand-over’s moment', () => {
  it('Klachtenprotocol Wmo keten Amsterdam §9 with Wmo 2015 art. 2.1.1 and Awb 9:24 lid 1 sub b naar analogie: a klacht taken over is archived after its takeover, with the aanbieder’s passed afhandeltermijn and the takeover in its history, and the manifest names the takeover and its moment', async () => {
    const id = await nieuw('zorg-archief', '2026-04-02', { contact: '2026-04-03' });
    expect(await state(id)).toBe('bijAanbieder.inBehandeling');

    const o = await draagOver('zorg-archief');

    expect([o.status, o.overgenomen]).toEqual([200, 1]);
    const d = o.dossier(id);
    expect(d.klacht.state).toMatch(/^gemeente\./);
    expect(d.klacht.state).toBe(await state(id));
    expect(typen(d).slice(-2)).toEqual(['TERMIJN_VERLOPEN:aanbiederAfhandeling', 'AANBIEDER_CONTRACT_BEEINDIGD']);
    expect(d.gebeurtenissen).toHaveLength(await aantalGebeurtenissen(id));
    expect(d.termijnen.find((t) => t.naam === 'aanbiederAfhandeling')?.status).toBe('verlopen');
    expect(o.manifest.gemaaktOp).toBe(NU.toISOString());
    expect(o.manifest.overgenomen).toEqual([{ klacht: id, op: NU.toISOString() }]);
  });

  it('Awb 9:18 and 9:24 lid 1 sub b: a klacht at the gemeente, not taken over, whose afhandeltermijn (Awb 9:11) passed before the hand-over while the worker was behind, is archived with that termijn passed and escalated', async () => {
    const id = await nieuw('zorg-gemeente', '2026-04-02', { direct: true });
    expect(await state(id)).toMatch(/^gemeente\./);
    const voor = (await a.db.query(
      `select naam, status, verval_gemeld_op is not null as gemeld, vervalt_op < $2 as voorbij from termijn where klacht_id = $1 and naam = 'afhandeling'`,
      [id, NU],
    )) as Array<{ naam: string; status: string; gemeld: boolean; voorbij: boolean }>;
    expect(voor).toEqual([{ naam: 'afhandeling', status: 'lopend', gemeld: false, voorbij: true }]);

    const o = await draagOver('zorg-gemeente');

    expect([o.status, o.overgenomen]).toEqual([200, 0]);
    expect(o.manifest.overgenomen).toEqual([]);
    const d = o.dossier(id);
    expect(d.termijnen.find((t) => t.naam === 'afhandeling')?.status).toBe('verlopen');
    expect(typen(d)).toContain('TERMIJN_VERLOPEN:afhandeling');
    expect(d.gebeurtenissen).toHaveLength(await aantalGebeurtenissen(id));
    const escalaties = (await a.db.query(
      `select payload->>'naam' as naam, payload->>'naar' as naar from outbox where klacht_id = $1 and type = 'termijn.escalatie'`,
      [id],
    )) as Array<{ naam: string; naar: string }>;
    expect(escalaties).toEqual([{ naam: 'afhandeling', naar: 'leidinggevende' }]);
  });

  it('AVG art. 30 with Klachtenprotocol Wmo keten Amsterdam §9: a klacht handed over twice is recorded with both hand-overs and their manifests; the aanbieder still does not reach it, the gemeente does', async () => {
    const id = await nieuw('zorg-twee', '2026-05-20', { contact: '2026-05-21' });
    const eerste = await draagOver('zorg-twee');
    const tweede = await draagOver('zorg-twee');
    expect([eerste.status, eerste.overgenomen, tweede.status, tweede.overgenomen]).toEqual([200, 1, 200, 0]);
    // Both archives hold the klacht; the second names the takeover of the first.
    expect([eerste.manifest.klachten, tweede.manifest.klachten]).toEqual([[id], [id]]);
    expect(tweede.manifest.overgenomen).toEqual([{ klacht: id, op: NU.toISOString() }]);

    const rijen = await overdrachtenVan(id);
    const ids = (await a.db.query(`select id from aanbieder_overdracht where aanbieder_id = 'zorg-twee'`)) as Array<{ id: string }>;
    expect(rijen.map((r) => r.id).sort()).toEqual(ids.map((r) => r.id).sort());
    expect(rijen.map((r) => r.manifest).sort()).toEqual([eerste.manifestSha, tweede.manifestSha].sort());
    expect(rijen.map((r) => r.aanbieder)).toEqual(['zorg-twee', 'zorg-twee']);

    const aanbieder = await bearer(a.app, 'GM0363', 'aanbieder', 'zorg-twee');
    await request(a.http).get(`/api/v1/klachten/${id}`).set('Authorization', aanbieder).expect(404);
    expect((await request(a.http).get('/api/v1/klachten').set('Authorization', aanbieder).expect(200)).body.resultaten).toEqual([]);
    const behandelaar = await bearer(a.app, 'GM0363', 'klachtbehandelaar');
    await request(a.http).get(`/api/v1/klachten/${id}`).set('Authorization', behandelaar).expect(200);
  });

  it('Klachtenprotocol Wmo keten Amsterdam §9 ("Repeatable"): a hand-over whose takeovers fail halfway records nothing and leaves the aanbieder the klacht still its own; the second archives both klachten after their takeovers and records one hand-over', async () => {
    const eerste = await nieuw('zorg-half', '2026-05-20', { contact: '2026-05-21' });
    const tweede = await nieuw('zorg-half', '2026-05-25');
    // A real failure of the second takeover's write in PostgreSQL (the first klacht, received earlier, goes first).
    await a.db.query(`create function kr_proef_weiger() returns trigger language plpgsql as $$
      begin
        if new.type = 'AANBIEDER_CONTRACT_BEEINDIGD' and new.klacht_id = '${tweede}' then raise exception 'proef: overname mislukt'; end if;
        return new;
      end $$`);
    await a.db.query(`create trigger kr_proef_weiger before insert on klacht_gebeurtenis for each row execute function kr_proef_weiger()`);
    let mislukt: Overdracht;
    try {
      mislukt = await draagOver('zorg-half');
    } finally {
      await a.db.query(`drop trigger kr_proef_weiger on klacht_gebeurtenis`);
      await a.db.query(`drop function kr_proef_weiger()`);
    }
    expect(mislukt.status).toBe(500);
    expect([await state(eerste), await state(tweede)]).toEqual([expect.stringMatching(/^gemeente\./), 'doorgestuurdNaarAanbieder']);
    expect(await a.db.query(`select id from aanbieder_overdracht where aanbieder_id = 'zorg-half'`)).toEqual([]);
    // The klacht still at the aanbieder is still the aanbieder's to handle.
    const aanbieder = await bearer(a.app, 'GM0363', 'aanbieder', 'zorg-half');
    await request(a.http).get(`/api/v1/klachten/${tweede}`).set('Authorization', aanbieder).expect(200);

    const o = await draagOver('zorg-half');

    expect([o.status, o.overgenomen]).toEqual([200, 1]);
    for (const id of [eerste, tweede]) {
      expect(o.dossier(id).klacht.state).toMatch(/^gemeente\./);
      expect(typen(o.dossier(id)).slice(-1)).toEqual(['AANBIEDER_CONTRACT_BEEINDIGD']);
    }
    expect(o.manifest.overgenomen).toEqual([
      { klacht: eerste, op: NU.toISOString() },
      { klacht: tweede, op: NU.toISOString() },
    ]);
    const [rij] = (await a.db.query(
      `select id, manifest_sha256 as manifest from aanbieder_overdracht where aanbieder_id = 'zorg-half'`,
    )) as Array<{
      id: string;
      manifest: string;
    }>;
    expect(rij.manifest).toBe(o.manifestSha);
    for (const id of [eerste, tweede]) expect((await overdrachtenVan(id)).map((r) => r.id)).toEqual([rij.id]);
    await request(a.http).get(`/api/v1/klachten/${tweede}`).set('Authorization', aanbieder).expect(404);
  });
});
