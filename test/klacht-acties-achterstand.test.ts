/**
 * Awb 9:11 lid 1 (a termijn passes on its own day, whoever fires its wake-up) with Awb 9:24 lid 1: registering an act first
 * records every expiry that passed before it and whose wake-up has not run (the worker behind, the sweep's interval;
 * metWekkersBij). The klacht's typed actions (POST /klachten/{id}/terugkoppelingen: the aanbieder's terugkoppeling, the
 * klachtbehandelaar's buttons) say whether they take an act and, when not, why, with the state and what the klacht takes
 * instead. That must be said of the klacht as the registration will step it (EngineService.alsRegistratieOp), not as
 * stored: the stored klacht offered the klager's request to the second line after his wait had passed (the registration
 * refuses it) and left it out after the afhandeltermijn had passed (the registration takes it).
 *
 * Real PostgreSQL, the seed definitions, the service's clock fixed the morning after the termijn's last day; no worker
 * runs (ROLE=api), so no wake-up ran.
 */
import request from 'supertest';
import { KLOK, type Klok } from '../src/common/klok';
import type { IntakeInput } from '../src/machines/contract';
import { intake } from '../src/machines/intake.spec-hulp';
import { EngineService } from '../src/modules/engine/engine.service';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, sqlOp, type TestApp, type TestDatabase } from './support';

let tdb: TestDatabase;
let t: TestApp;
let nu = new Date('2026-05-19T09:00:40+02:00');
const klok: Klok = { nu: () => new Date(nu.getTime()) };

beforeAll(async () => {
  tdb = await createTestDatabase('klacht_acties_achterstand');
  t = await createTestApp({
    databaseUrl: tdb.url,
    env: { ROLE: 'api', SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(klok),
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
  await tdb?.drop();
});

const engine = () => t.app.get(EngineService);

/** What the refusal of a terugkoppeling says: the state the act was judged in and what the klacht takes then. */
function uitReden(reden: unknown): { state: string; mogelijk: string[] } {
  const m = /\(toestand ([^;)]+)(?:; mogelijk: ([^)]*))?\)/.exec(String(reden));
  if (!m) throw new Error(`reden zonder toestand: ${String(reden)}`);
  return { state: m[1], mogelijk: !m[2] || m[2] === 'geen' ? [] : m[2].split(', ') };
}

const terugkoppeling = async (id: string, gemeente: string, rol: 'aanbieder' | 'klachtbehandelaar', body: Record<string, unknown>) =>
  request(t.http)
    .post(`/api/v1/klachten/${id}/terugkoppelingen`)
    .set('Authorization', await bearer(t.app, gemeente, rol, rol === 'aanbieder' ? 'zorg-west' : undefined))
    .send(body);

/** The registration of the same moment: POST /klachten/{id}/gebeurtenissen, now. */
const registreer = async (id: string, gemeente: string, type: string) =>
  request(t.http)
    .post(`/api/v1/klachten/${id}/gebeurtenissen`)
    .set('Authorization', await bearer(t.app, gemeente, 'klachtbehandelaar'))
    .send({ type });

const historie = (id: string) =>
  sqlOp<{ type: string; termijn: string | null; van: string; naar: string }>(
    tdb.url,
    `select type, payload->>'termijn' as termijn, van_state as van, naar_state as naar
       from klacht_gebeurtenis where klacht_id = $1 and accepted order by id`,
    [id],
  );

describe('Awb 9:11 lid 1: the typed actions judge an act on the klacht as its registration will step it, after the expiries whose wake-up did not run', () => {
  it('Awb 9:24 lid 1 sub b: the morning after the afhandeltermijn passed, a terugkoppeling that does not fit names the klager’s request to the second line among what the klacht takes, and the registration takes it from the state named', async () => {
    // Stichtse Vecht: a klacht in oordeelsvorming whose afhandeltermijn ended Monday 18 May 2026; now the 19th.
    nu = new Date('2026-05-19T09:00:40+02:00');
    const { klacht } = await engine().create(intake({ onderwerp: 'Traplift niet geplaatst' }), { actor: 'kcc' });
    for (const [type, at, data] of [
      ['FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00'],
      ['IN_BEHANDELING_NEMEN', '2026-04-06T10:00:00+02:00'],
      ['HOREN_OVERSLAAN', '2026-04-07T10:00:00+02:00', { reden: 'afgezien' }],
    ] as const) {
      await engine().apply(klacht.id, { type, at, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
    }
    expect(
      await sqlOp(
        tdb.url,
        `select vervaldatum::text as vervaldatum, verval_gemeld_op from termijn where klacht_id = $1 and naam = 'afhandeling'`,
        [klacht.id],
      ),
    ).toEqual([{ vervaldatum: '2026-05-18', verval_gemeld_op: null }]);

    const r = await terugkoppeling(klacht.id, 'GM1904', 'klachtbehandelaar', { soort: 'behandeling' });
    expect([r.status, r.body.toegepast, r.body.gebeurtenis]).toEqual([201, false, null]);
    const { state, mogelijk } = uitReden(r.body.reden);
    expect(mogelijk).toContain('VERZOEK_OMBUDSMAN');

    // The registration: the expiry first, then the klager's request, from the state the refusal named.
    const g = await registreer(klacht.id, 'GM1904', 'VERZOEK_OMBUDSMAN');
    expect(g.status).toBe(200);
    const h = await historie(klacht.id);
    expect(h.slice(-2).map((x) => [x.type, x.termijn])).toEqual([
      ['TERMIJN_VERLOPEN', 'afhandeling'],
      ['VERZOEK_OMBUDSMAN', null],
    ]);
    expect(h.at(-1)!.van).toBe(state);
  });

  it('Awb 9:24 lid 1 sub a (naar analogie), Klachtenprotocol Wmo keten Amsterdam §6: the morning after the klager’s year after the aanbieder’s afdoening passed, his answer reported now is refused for the klacht the registration closes, and the request to the second line is not offered', async () => {
    // Amsterdam: afgedaan by the aanbieder on 20 April 2026; the klager's wait ended with 20 April 2027; now the 21st.
    nu = new Date('2027-04-21T09:00:00+02:00');
    const amsterdam: IntakeInput = {
      gemeente: 'GM0363',
      kanaal: 'telefoon',
      ontvangenOp: '2026-04-02T10:00:00+02:00',
      ingediendBij: 'aanbieder',
      soort: 'klacht',
      aanbieders: [{ id: 'zorg-west', naam: 'Zorg West', type: 'wmo' }],
      feiten: { complex: false, eerderBijAanbieder: false, aantalAanbieders: 1 },
    };
    const { klacht } = await engine().create(amsterdam, { actor: 'aanbieder' });
    await engine().apply(
      klacht.id,
      { type: 'AFDOENEN', at: '2026-04-20T10:00:00+02:00', data: { oordeel: 'gegrond' } },
      { actor: 'aanbieder' },
    );
    expect(
      await sqlOp(
        tdb.url,
        `select naam, vervaldatum::text as vervaldatum, verval_gemeld_op from termijn where klacht_id = $1 and status = 'lopend'`,
        [klacht.id],
      ),
    ).toEqual([{ naam: 'tweedeLijnVerzoekNaAanbieder', vervaldatum: '2027-04-20', verval_gemeld_op: null }]);

    // The aanbieder and the gemeente's klachtbehandelaar report the klager's 'ontevreden' now: refused, on the klacht closed.
    const aanbieder = await terugkoppeling(klacht.id, 'GM0363', 'aanbieder', { soort: 'tevredenheid', tevreden: false });
    expect([aanbieder.status, aanbieder.body.toegepast]).toEqual([201, false]);
    expect(uitReden(aanbieder.body.reden).state).toBe('afgesloten');
    const behandelaar = await terugkoppeling(klacht.id, 'GM0363', 'klachtbehandelaar', { soort: 'tevredenheid', tevreden: false });
    expect([behandelaar.status, behandelaar.body.toegepast]).toEqual([201, false]);
    expect(uitReden(behandelaar.body.reden)).toEqual({ state: 'afgesloten', mogelijk: [] });

    // The registration: it records the year's expiry, which closes the klacht, and refuses both the answer and the request.
    for (const type of ['KLAGER_ONTEVREDEN', 'VERZOEK_OMBUDSMAN'])
      expect([type, (await registreer(klacht.id, 'GM0363', type)).status]).toEqual([type, 409]);
    const h = await historie(klacht.id);
    expect(h.at(-1)).toMatchObject({ type: 'TERMIJN_VERLOPEN', termijn: 'tweedeLijnVerzoekNaAanbieder', naar: 'afgesloten' });
    expect(await sqlOp(tdb.url, `select state, done from klacht where id = $1`, [klacht.id])).toEqual([
      { state: 'afgesloten', done: true },
    ]);
  });
});
