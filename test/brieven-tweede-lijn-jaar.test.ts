/**
 * Awb 9:12 lid 2 with 9:24 lid 1: the afdoening and the kennisgeving of niet-behandelen name the second line and the year
 * the klager has to go there, and Klachtregie keeps that year as the termijn tweedeLijnVerzoek, from the act. A letter
 * bears the day it is made (docs/brieven-en-dossier.md); one made the next morning (the dossier storage was away when the
 * act was registered, the outbox retried) must not say 'één jaar na deze mededeling', which from its own date would be a
 * day longer than the termijn: it states the act's day and the termijn's last day, so letter and termijn agree.
 * Weesp (GM0457) in 2021, before it went into Amsterdam (24 maart 2022, Wet arhi art. 40). Real PostgreSQL, the seed
 * definitions, the letters made by the outbox handler on the service's clock (KLOK).
 */
import request from 'supertest';
import { leesbareDatum } from '../src/machines/termijnen';
import { bearer } from './auth-support';
import { briefLaterApp, type BriefLater } from './support/brief-later';
import type { EngineApp } from './support/engine-harness';

const WEESP = 'GM0457';

describe("Awb 9:12 lid 2, 9:24 lid 1: a letter made on a later day than its act states the klager's year as the termijn Klachtregie keeps", () => {
  let omgeving: BriefLater;
  let t: EngineApp;
  let auth: string;
  /** The service's clock (KLOK) and the dossier storage that can be away: test/support/brief-later.ts. */
  let klok: BriefLater['klok'];
  let opslag: BriefLater['opslag'];

  beforeAll(async () => {
    omgeving = await briefLaterApp('brieven_tweede_lijn_jaar', new Date('2021-10-04T10:00:00+02:00'));
    ({ t, klok, opslag } = omgeving);
    // Up to 23 maart 2022 the key is Weesp's own; the steps below are all registered in 2021.
    auth = await bearer(t.app, WEESP, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await omgeving?.sluit();
  });

  const verwerk = () => omgeving.verwerk();
  const stap = (id: string, type: string, at: string, data?: Record<string, unknown>) => omgeving.stap(auth, id, type, at, data);

  /** Registers the act on its own day while the dossier storage is away; the outbox makes the letter at `gemaakt`. */
  async function briefLater(id: string, type: string, at: string, data: Record<string, unknown>, gemaakt: string): Promise<void> {
    opslag.weg = true;
    try {
      await stap(id, type, at, data);
    } finally {
      opslag.weg = false;
    }
    // The row's moment and its backoff are the database's own clock, which runs in the present here: set to the service's
    // clock of the registration, and the retry brought forward to the next morning.
    klok.moment = new Date(gemaakt);
    await t.db.query(`update outbox set volgende_poging_op = null, created_at = $2 where klacht_id = $1 and processed_at is null`, [
      id,
      new Date(new Date(at).getTime() + 5 * 60_000),
    ]);
    await verwerk();
  }

  /** The letter of kind `soort` to the klager of klacht `id`, as HTML, and its row. */
  async function brief(id: string, soort: string): Promise<{ datum: string; html: string }> {
    const lijst = (await request(t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200)).body
      .resultaten as Array<{ id: string; soort: string; aan: string; datum: string; status: string }>;
    const b = lijst.find((x) => x.soort === soort && x.aan === 'klager');
    if (!b || b.status !== 'opgemaakt') throw new Error(`geen opgemaakte brief ${soort}: ${JSON.stringify(lijst)}`);
    const html = await request(t.http)
      .get(`/api/v1/klachten/${id}/brieven/${b.id}`)
      .set('Authorization', auth)
      .set('Accept', 'text/html')
      .expect(200);
    return { datum: b.datum, html: html.text };
  }

  /** The klager's year as Klachtregie keeps it: the termijn tweedeLijnVerzoek. */
  async function jaar(id: string): Promise<Array<{ vervaldatum: string; status: string }>> {
    return (await t.db.query(
      `select vervaldatum::text as vervaldatum, status from termijn where klacht_id = $1 and naam = 'tweedeLijnVerzoek'`,
      [id],
    )) as Array<{ vervaldatum: string; status: string }>;
  }

  /** The sentence of the letter that gives the klager his term for the second line. */
  const termijnZin = (html: string): string => /Dat moet binnen ([^<]*)\./.exec(html)?.[1] ?? `(geen termijnzin in ${html})`;

  /** A Weesp klacht about a gemeentelijke functionaris, received on 4 oktober 2021 and taken into formal treatment. */
  async function klacht(behandelen: boolean): Promise<string> {
    klok.moment = new Date('2021-10-04T10:05:00+02:00');
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente: WEESP,
        kanaal: 'brief',
        ontvangenOp: '2021-10-04T10:00:00+02:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'De consulent kwam de afspraak niet na',
        aanbieders: [{ id: 'zorg-weesp', naam: 'Zorg Weesp', type: 'wmo' }],
        feiten: { betreftGemeentelijkeFunctionaris: true },
      });
    expect([k.status, k.body.detail]).toEqual([201, undefined]);
    await verwerk();
    const id = k.body.id as string;
    let kan = (k.body.volgendeEvents as Array<{ type: string }>).map((v) => v.type);
    for (const type of behandelen ? ['FORMELE_BEHANDELING', 'IN_BEHANDELING_NEMEN'] : ['FORMELE_BEHANDELING'])
      if (kan.includes(type)) kan = await stap(id, type, '2021-10-05T10:00:00+02:00');
    if (behandelen && kan.includes('HOREN_OVERSLAAN'))
      await stap(id, 'HOREN_OVERSLAAN', '2021-10-06T10:00:00+02:00', { reden: 'afgezien' });
    return id;
  }

  const afdoening = { oordeel: 'gegrond', bevindingen: 'De afspraak van 1 oktober is niet nagekomen.', conclusies: ['Excuses.'] };

  it('Awb 9:12 lid 2, 9:24 lid 1: an afdoeningsbrief made on 7 oktober 2021 for the afdoening of 6 oktober states the year as running to 6 oktober 2022, the last day of the termijn Klachtregie keeps, and a request to the ombudsman on that day is in time', async () => {
    const id = await klacht(true);
    await briefLater(id, 'AFDOENEN', '2021-10-06T16:00:00+02:00', afdoening, '2021-10-07T09:00:00+02:00');
    const b = await brief(id, 'afdoening');
    const termijn = await jaar(id);
    expect({ datum: b.datum, termijn, zin: termijnZin(b.html) }).toEqual({
      datum: '2021-10-07',
      termijn: [{ vervaldatum: '2022-10-06', status: 'lopend' }],
      zin: `één jaar na de afdoening van ${leesbareDatum('2021-10-06')}, dus uiterlijk op ${leesbareDatum('2022-10-06')} (Awb 9:24 lid 1)`,
    });
    expect(b.html).not.toContain('deze mededeling');
    // The last day the letter states is the last day Klachtregie takes as in time (verzoekOmbudsman, binnenTermijn).
    klok.moment = new Date('2022-10-06T11:05:00+02:00');
    const r = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      // Weesp went into Amsterdam on 24 maart 2022 (Wet arhi art. 40): Amsterdam's people handle the klacht now.
      .set('Authorization', await bearer(t.app, 'GM0363', 'klachtbehandelaar'))
      .send({ type: 'VERZOEK_OMBUDSMAN', at: '2022-10-06T11:00:00+02:00' });
    const intent = (await t.db.query(
      `select payload->'intent'->'data' as data from outbox where klacht_id = $1 and payload->'intent'->>'type' = 'VERZOEK_TWEEDE_LIJN_REGISTREREN'`,
      [id],
    )) as Array<{ data: { binnenTermijn: boolean } }>;
    expect({ status: r.status, detail: r.body.detail, binnenTermijn: intent.map((i) => i.data.binnenTermijn) }).toEqual({
      status: 200,
      detail: undefined,
      binnenTermijn: [true],
    });
  });

  it('Awb 9:8 lid 3, 9:12 lid 2, 9:24 lid 1: a kennisgeving van niet-behandelen made on 13 oktober 2021 for the decision of 12 oktober states the year as running to 12 oktober 2022, the termijn Klachtregie keeps', async () => {
    const id = await klacht(false);
    await briefLater(id, 'NIET_BEHANDELEN', '2021-10-12T15:00:00+02:00', { grond: 'eerderBehandeld' }, '2021-10-13T09:00:00+02:00');
    const b = await brief(id, 'niet-behandelen');
    expect({ datum: b.datum, termijn: await jaar(id), zin: termijnZin(b.html) }).toEqual({
      datum: '2021-10-13',
      termijn: [{ vervaldatum: '2022-10-12', status: 'lopend' }],
      zin: `één jaar na de beslissing de klacht niet te behandelen van ${leesbareDatum('2021-10-12')}, dus uiterlijk op ${leesbareDatum('2022-10-12')} (Awb 9:24 lid 1)`,
    });
  });

  it('Awb 9:12 lid 2, 9:24 lid 1: an afdoeningsbrief made on the day of the afdoening is that mededeling, and keeps "één jaar na deze mededeling"', async () => {
    const id = await klacht(true);
    await stap(id, 'AFDOENEN', '2021-10-06T16:00:00+02:00', afdoening);
    const b = await brief(id, 'afdoening');
    expect({ datum: b.datum, termijn: await jaar(id), zin: termijnZin(b.html) }).toEqual({
      datum: '2021-10-06',
      termijn: [{ vervaldatum: '2022-10-06', status: 'lopend' }],
      zin: 'één jaar na deze mededeling (Awb 9:24 lid 1)',
    });
  });
});
