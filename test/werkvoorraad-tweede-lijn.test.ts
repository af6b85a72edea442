/**
 * Gemeentewet art. 81p and Awb 9:12 lid 2: one second-line body per date. After the herindeling of Weesp (GM0457) into
 * Amsterdam (GM0363) on 24 maart 2022 (Wet algemene regels herindeling, art. 40) a Weesp klacht afgedaan from that day
 * goes to the Ombudsman Metropool Amsterdam; one whose verzoek reached the Nationale ombudsman before stays there. Every
 * view that describes a klacht's state (the werkvoorraad's rows and filters, the tijdlijn's header and history, the
 * consequences of a step) names the body of the klacht's own days, and never takes it from another klacht in the state.
 */
import request from 'supertest';
import { KLOK, type Klok } from '../src/common/klok';
import { bearer } from './auth-support';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { weespKlacht } from './support/weesp';

/** The clock the tests move: the day of a request decides who works a Weesp klacht and which body is competent. */
let nu = new Date('2022-03-10T10:00:00+01:00');
const klok: Klok = { nu: () => new Date(nu.getTime()) };

const VENSTER = 'Afgedaan; de klager kan binnen een jaar naar de tweede lijn';
const ONDERZOEK = 'Onderzoek door de tweede lijn';
const NO = 'Nationale ombudsman';
const OMA = 'Ombudsman Metropool Amsterdam';

interface Regel {
  id: string;
  state: string;
  stateOmschrijving: string;
}
interface Historie {
  type: string;
  van: string | null;
  vanOmschrijving: string | null;
  naar: string;
  naarOmschrijving: string;
}

describe('the second line a klacht’s state names is that of its own day (Gemeentewet art. 81p, Awb 9:12 lid 2)', () => {
  let db: TestDatabase;
  let t: TestApp;
  let weesp: string;
  let amsterdam: string;

  beforeAll(async () => {
    db = await createTestDatabase('werkvoorraad_tweede_lijn');
    t = await createTestApp({ databaseUrl: db.url, env: { ROLE: 'api' }, override: (b) => b.overrideProvider(KLOK).useValue(klok) });
    weesp = await bearer(t.app, 'GM0457', 'klachtbehandelaar');
    amsterdam = await bearer(t.app, 'GM0363', 'klachtbehandelaar');
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  /** One step at `at` (the clock stands there too: Weesp's own keys act only before the herindeling). */
  async function stap(id: string, auth: string, type: string, at: string, data?: Record<string, unknown>): Promise<string> {
    nu = new Date(at);
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', auth)
      .send({ type, at, ...(data ? { data } : {}) });
    expect([type, r.status, r.body.detail]).toEqual([type, 200, undefined]);
    return r.body.state as string;
  }

  /** A Weesp klacht registered by Weesp on 10 maart 2022 (received 1 maart). */
  async function weespIntake(onderwerp: string): Promise<string> {
    nu = new Date('2022-03-10T10:00:00+01:00');
    const k = await request(t.http).post('/api/v1/klachten').set('Authorization', weesp).send(weespKlacht(onderwerp));
    expect(k.status).toBe(201);
    return k.body.id as string;
  }

  /** Handled formally and afgedaan on `dag` (one step an hour from 09:00): then it waits in tweedeLijnVenster (Awb 9:24). */
  async function afdoen(id: string, auth: string, dag: string): Promise<void> {
    const volgorde = ['FORMELE_BEHANDELING', 'IN_BEHANDELING_NEMEN', 'HOREN_OVERSLAAN', 'AFDOENEN'];
    for (let uur = 9; uur < 9 + 8; uur++) {
      nu = new Date(`${dag}T${String(uur).padStart(2, '0')}:00:00+01:00`);
      const k = await request(t.http).get(`/api/v1/klachten/${id}`).set('Authorization', auth);
      const kan: string[] = k.body.volgendeEvents.map((e: { type: string }) => e.type);
      const type = volgorde.find((x) => kan.includes(x));
      if (!type) throw new Error(`geen stap naar de afdoening in ${k.body.state}: ${kan.join(', ')}`);
      const data = type === 'AFDOENEN' ? { oordeel: 'gegrond' } : type === 'HOREN_OVERSLAAN' ? { reden: 'afgezien' } : undefined;
      const state = await stap(id, auth, type, nu.toISOString(), data);
      if (type === 'AFDOENEN') {
        expect(state).toBe('tweedeLijnVenster');
        return;
      }
    }
    throw new Error('afdoening niet bereikt');
  }

  async function werkvoorraad(): Promise<{ rijen: Map<string, Regel>; keuzes: Map<string, string> }> {
    const w = await request(t.http).get('/api/v1/werkvoorraad').set('Authorization', amsterdam);
    expect(w.status).toBe(200);
    return {
      rijen: new Map((w.body.resultaten as Regel[]).map((r) => [r.id, r])),
      keuzes: new Map((w.body.keuzes.toestanden as Array<{ state: string; omschrijving: string }>).map((k) => [k.state, k.omschrijving])),
    };
  }

  async function tijdlijn(id: string): Promise<{ stateOmschrijving: string; historie: Historie[] }> {
    const r = await request(t.http).get(`/api/v1/klachten/${id}/tijdlijn`).set('Authorization', amsterdam);
    expect(r.status).toBe(200);
    return { stateOmschrijving: r.body.klacht.stateOmschrijving, historie: r.body.gebeurtenissen };
  }

  test('Awb 9:12 lid 2: the werkvoorraad names the ombudsman of the klacht’s own day after a herindeling, as its tijdlijn does', async () => {
    const id = await weespIntake('Afgedaan na de herindeling');
    // Afgedaan by Amsterdam on 1 April 2022: the klager can go to Amsterdam's ombudsman, not to Weesp's former one.
    await afdoen(id, amsterdam, '2022-04-01');
    nu = new Date('2022-04-01T16:00:00+02:00');
    const tekst = `${VENSTER} (${OMA})`;
    const { rijen, keuzes } = await werkvoorraad();
    expect(rijen.get(id)?.stateOmschrijving).toBe(tekst);
    // The filter choice reads as the klachten in it do: no body that none of them can go to.
    expect(keuzes.get('tweedeLijnVenster')).toContain(tekst);
    expect(keuzes.get('tweedeLijnVenster')).not.toContain(NO);
    const tl = await tijdlijn(id);
    expect(tl.stateOmschrijving).toBe(tekst);
    expect(tl.historie.find((g) => g.type === 'AFDOENEN')?.naarOmschrijving).toBe(tekst);
  });

  test('a klacht’s description does not depend on other klachten in the same state (Awb 9:18: the body its verzoek went to)', async () => {
    // A: afgedaan by Weesp, verzoek on 20 maart 2022: the Nationale ombudsman investigates it, also after the herindeling.
    const a = await weespIntake('Verzoek vóór de herindeling');
    await afdoen(a, weesp, '2022-03-15');
    expect(await stap(a, weesp, 'VERZOEK_OMBUDSMAN', '2022-03-20T10:00:00+01:00')).toBe('bijOmbudsman.onderzoek');
    nu = new Date('2022-04-02T10:00:00+02:00');
    const alleen = (await werkvoorraad()).rijen.get(a)?.stateOmschrijving;
    expect(alleen).toBe(`${ONDERZOEK} (${NO})`);

    // B: the same regeling, version and state, its verzoek on 5 April 2022: Amsterdam's ombudsman investigates it.
    const b = await weespIntake('Verzoek na de herindeling');
    await afdoen(b, amsterdam, '2022-04-01');
    expect(await stap(b, amsterdam, 'VERZOEK_OMBUDSMAN', '2022-04-05T10:00:00+02:00')).toBe('bijOmbudsman.onderzoek');

    nu = new Date('2022-04-10T10:00:00+02:00');
    const { rijen, keuzes } = await werkvoorraad();
    expect(rijen.get(a)?.stateOmschrijving).toBe(alleen);
    expect(rijen.get(b)?.stateOmschrijving).toBe(`${ONDERZOEK} (${OMA})`);
    // One choice for the state, naming both bodies its klachten are with, whatever row the database returns first.
    expect(keuzes.get('bijOmbudsman.onderzoek')).toContain(`${ONDERZOEK} (${NO})`);
    expect(keuzes.get('bijOmbudsman.onderzoek')).toContain(`${ONDERZOEK} (${OMA})`);
    // Each tijdlijn says what its row says.
    expect((await tijdlijn(a)).stateOmschrijving).toBe(rijen.get(a)?.stateOmschrijving);
    expect((await tijdlijn(b)).stateOmschrijving).toBe(rijen.get(b)?.stateOmschrijving);
  });

  test('Gemeentewet art. 81p: the tijdlijn’s history reads as on each step’s day; a step within a state keeps the day the state began', async () => {
    // Afgedaan by Weesp on 15 maart 2022: that day the klager could go to the Nationale ombudsman; from 24 maart to Amsterdam's.
    const d = await weespIntake('Venster over de herindeling heen');
    await afdoen(d, weesp, '2022-03-15');
    nu = new Date('2022-04-08T10:00:00+02:00');
    const venster = await tijdlijn(d);
    expect(venster.historie.find((g) => g.type === 'AFDOENEN')?.naarOmschrijving).toBe(`${VENSTER} (${NO})`);
    expect(venster.stateOmschrijving).toBe(`${VENSTER} (${OMA})`);
    expect((await werkvoorraad()).rijen.get(d)?.stateOmschrijving).toBe(`${VENSTER} (${OMA})`);

    // The consequences of a verzoek today: from the venster of today to an investigation by today's body.
    const g = await request(t.http)
      .post(`/api/v1/klachten/${d}/gebeurtenis-gevolgen`)
      .set('Authorization', amsterdam)
      .send({ type: 'VERZOEK_OMBUDSMAN', at: nu.toISOString() });
    expect(g.status).toBe(200);
    expect(g.body.van).toEqual({ state: 'tweedeLijnVenster', omschrijving: `${VENSTER} (${OMA})` });
    expect(g.body.naar).toEqual({ state: 'bijOmbudsman.onderzoek', omschrijving: `${ONDERZOEK} (${OMA})` });

    // A verzoek to the Nationale ombudsman on 20 maart, an informatievraag within the investigation after the herindeling:
    // the investigation stays the Nationale ombudsman's, in the history as in the werkvoorraad.
    const a = await weespIntake('Informatievraag na de herindeling');
    await afdoen(a, weesp, '2022-03-15');
    await stap(a, weesp, 'VERZOEK_OMBUDSMAN', '2022-03-20T10:00:00+01:00');
    expect(await stap(a, amsterdam, 'OMBUDSMAN_INFORMATIEVRAAG', '2022-04-08T11:00:00+02:00')).toBe('bijOmbudsman.onderzoek');
    const { historie, stateOmschrijving } = await tijdlijn(a);
    const vraag = historie.find((h) => h.type === 'OMBUDSMAN_INFORMATIEVRAAG');
    expect([vraag?.vanOmschrijving, vraag?.naarOmschrijving]).toEqual([`${ONDERZOEK} (${NO})`, `${ONDERZOEK} (${NO})`]);
    expect(historie.find((h) => h.type === 'VERZOEK_OMBUDSMAN')?.naarOmschrijving).toBe(`${ONDERZOEK} (${NO})`);
    expect(stateOmschrijving).toBe(`${ONDERZOEK} (${NO})`);
    expect((await werkvoorraad()).rijen.get(a)?.stateOmschrijving).toBe(`${ONDERZOEK} (${NO})`);
  });
});
