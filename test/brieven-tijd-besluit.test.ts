/**
 * What a letter tells the klager of the decision it announces, whatever day the letter is made.
 * - Awb 9:11 lid 2: the afhandeltermijn is verdaagd before it ends, and the verdaging is communicated in writing. A
 *   verdagingsbrief whose making waited for the dossier storage until the day after the old last day was dated that
 *   next day and said only 'Wij stellen de afhandeling met 4 weken uit': the klager (and an ombudsman) could not see the
 *   verdaging was decided in time. It now names the day of the decision (the step's moment); its own date stays the day
 *   it is made.
 * - Awb 9:8 lid 3: the kennisgeving of niet-behandelen is 'schriftelijk en met redenen omkleed'. It gave only the article
 *   ('De reden: Awb 9:8 lid 1 sub a'); it now gives the ground in words next to the article.
 * Real PostgreSQL, the seed definitions (Amsterdam, GM0363), the letters made by the outbox handler on the service's
 * clock (KLOK).
 */
import request from 'supertest';
import { bearer } from './auth-support';
import { briefLaterApp, type BriefLater } from './support/brief-later';

const AMSTERDAM = 'GM0363';

describe('Awb 9:11 lid 2, 9:8 lid 3: a letter states the decision it announces: the day of a verdaging, the ground of niet-behandelen', () => {
  let omgeving: BriefLater;
  let auth: string;

  beforeAll(async () => {
    omgeving = await briefLaterApp('brieven_tijd_besluit', new Date('2026-04-02T10:05:00+02:00'));
    auth = await bearer(omgeving.t.app, AMSTERDAM, 'klachtbehandelaar');
  });

  afterAll(async () => {
    await omgeving?.sluit();
  });

  const stap = (id: string, type: string, at: string, data?: Record<string, unknown>) => omgeving.stap(auth, id, type, at, data);

  /** An Amsterdam klacht to the wethouder received on Thursday 2 April 2026 (the gemeente's own, Klachtenprotocol Wmo keten §5B). */
  async function klacht(): Promise<{ id: string; volgende: string[] }> {
    omgeving.klok.moment = new Date('2026-04-02T10:05:00+02:00');
    const k = await request(omgeving.t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente: AMSTERDAM,
        kanaal: 'brief',
        ontvangenOp: '2026-04-02T10:00:00+02:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'De wethouder reageerde niet op mijn brief',
        aanbieders: [{ id: 'zorg-noord', naam: 'Zorg Noord', type: 'wmo' }],
        feiten: { aantalAanbieders: 1, gerichtAan: 'wethouder' },
      });
    expect([k.status, k.body.detail]).toEqual([201, undefined]);
    await omgeving.verwerk();
    return { id: k.body.id as string, volgende: (k.body.volgendeEvents as Array<{ type: string }>).map((v) => v.type) };
  }

  /** The letters of kind `soort`, with their date and their text without markup. */
  async function brieven(id: string, soort: string): Promise<Array<{ aan: string; datum: string; tekst: string }>> {
    const lijst = (await request(omgeving.t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200)).body
      .resultaten as Array<{ id: string; soort: string; aan: string; datum: string; status: string; reden?: string }>;
    const uit = [];
    for (const b of lijst.filter((x) => x.soort === soort)) {
      if (b.status !== 'opgemaakt') throw new Error(`brief ${soort} niet opgemaakt: ${b.reden}`);
      const html = await request(omgeving.t.http)
        .get(`/api/v1/klachten/${id}/brieven/${b.id}`)
        .set('Authorization', auth)
        .set('Accept', 'text/html')
        .expect(200);
      uit.push({ aan: b.aan, datum: b.datum, tekst: html.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') });
    }
    return uit;
  }

  it('Awb 9:11 lid 2: a verdaging decided on the last day of the afhandeltermijn, whose letters could only be made the next morning, names that last day as the day of the decision; the letters are dated the next day', async () => {
    const { id, volgende } = await klacht();
    let kan = volgende;
    for (const type of ['FORMELE_BEHANDELING', 'IN_BEHANDELING_NEMEN'])
      if (kan.includes(type)) kan = await stap(id, type, '2026-04-03T10:00:00+02:00');
    const [afhandeling] = (await omgeving.t.db.query(
      `select vervaldatum::text as vervaldatum from termijn where klacht_id = $1 and naam = 'afhandeling' and status = 'lopend'`,
      [id],
    )) as Array<{ vervaldatum: string }>;
    // Six weeks after 2 April is Ascension Day 14 May; the Algemene termijnenwet moves the last day to Monday 18 May.
    expect(afhandeling.vervaldatum).toBe('2026-05-18');

    // Decided and registered on Monday 18 May at 16:00; the dossier storage is away until Tuesday morning.
    omgeving.opslag.weg = true;
    try {
      await stap(id, 'VERDAGEN', '2026-05-18T16:00:00+02:00', {
        termijn: 'afhandeling',
        duur: 'P4W',
        reden: 'wij wachten op informatie van de wethouder',
      });
    } finally {
      omgeving.opslag.weg = false;
    }
    expect(await brieven(id, 'verdaging')).toEqual([]);
    // The row's moment and its backoff are the database's own clock, in the present here: set to the registration, and
    // the retry brought forward to Tuesday morning.
    omgeving.klok.moment = new Date('2026-05-19T08:30:00+02:00');
    await omgeving.t.db.query(
      `update outbox set volgende_poging_op = null, created_at = '2026-05-18T16:05:00+02:00' where klacht_id = $1 and processed_at is null`,
      [id],
    );
    await omgeving.verwerk();

    const verdaging = await brieven(id, 'verdaging');
    expect(verdaging.map((b) => [b.aan, b.datum])).toEqual([
      ['klager', '2026-05-19'],
      ['beklaagde', '2026-05-19'],
    ]);
    for (const b of verdaging) {
      expect(b.tekst).toContain('dinsdag 19 mei 2026 Ons kenmerk');
      expect(b.tekst).toContain(
        'Wij stellen de afhandeling met 4 weken uit (Algemene wet bestuursrecht, artikel 9:11 lid 2). Dat hebben wij besloten op maandag 18 mei 2026.',
      );
      expect(b.tekst).toContain('De klacht is nu uiterlijk op donderdag 11 juni 2026 afgehandeld.');
      expect(b.tekst).not.toContain('besloten op dinsdag 19 mei 2026');
    }
  });

  it.each([
    [
      'eerderBehandeld',
      'over deze gedraging is al eerder een klacht ingediend en volgens de klachtregeling behandeld',
      'Awb 9:8 lid 1 sub a',
    ],
    ['onvoldoendeBelang', 'uw belang bij de klacht of het gewicht van de gedraging is kennelijk onvoldoende', 'Awb 9:8 lid 2'],
  ])(
    'Awb 9:8 lid 3: the kennisgeving of niet-behandelen on the ground %s gives the ground in words, next to the article',
    async (grond, woorden, artikel) => {
      const { id, volgende } = await klacht();
      if (volgende.includes('FORMELE_BEHANDELING')) await stap(id, 'FORMELE_BEHANDELING', '2026-04-03T10:00:00+02:00');
      await stap(id, 'NIET_BEHANDELEN', '2026-04-09T10:00:00+02:00', { grond });
      const [brief] = await brieven(id, 'niet-behandelen');
      expect(brief.datum).toBe('2026-04-09');
      expect(brief.tekst).toContain(`Wij behandelen deze klacht niet. De reden: ${woorden} (Algemene wet bestuursrecht, ${artikel}).`);
    },
  );
});
