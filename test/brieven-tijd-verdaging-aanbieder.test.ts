/**
 * Awb 9:11 lid 2: the verdagingsbrief tells the klager and the beklaagde, on behalf of the college, that the college
 * postpones its own afhandeling. VERDAGEN also moves the termijn of the party that handles the klacht elsewhere: the
 * ketenpartner's (aanbiederAfhandeling: Klachtenprotocol Wmo keten Amsterdam §6; Uitgangspunten klachtenmanagement
 * Sociaal Domein §5A, §11-I), after the kennisgeving of doorzending told the klager he would hear from the ketenpartner
 * (Awb 2:3). The college postponed nothing: it writes no letter saying it did; the letter is listed 'niet-opgemaakt' with
 * the reason, so the ketenpartner's own letter is added to the dossier. Real PostgreSQL, the seed definitions, the letters
 * made by the outbox handler on the service's clock (KLOK).
 */
import request from 'supertest';
import { bearer } from './auth-support';
import { briefLaterApp, type BriefLater } from './support/brief-later';

interface Brief {
  id: string;
  soort: string;
  aan: string;
  datum: string;
  status: string;
  reden?: string | null;
}

describe('Awb 9:11 lid 2: the college writes a verdagingsbrief only for its own afhandeltermijn', () => {
  let omgeving: BriefLater;

  beforeAll(async () => {
    omgeving = await briefLaterApp('brieven_tijd_verdaging_aanbieder', new Date('2024-05-06T10:00:00+02:00'));
  });

  afterAll(async () => {
    await omgeving?.sluit();
  });

  /** A klacht received on 6 mei 2024 about the ketenpartner Zorg X, with the given facts; its id and next events. */
  async function klacht(gemeente: string, auth: string, feiten: Record<string, unknown>): Promise<{ id: string; kan: string[] }> {
    omgeving.klok.moment = new Date('2024-05-06T10:05:00+02:00');
    const k = await request(omgeving.t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente,
        kanaal: 'brief',
        ontvangenOp: '2024-05-06T10:00:00+02:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'De hulp kwam niet',
        aanbieders: [{ id: 'zorg-x', naam: 'Zorg X', type: 'wmo' }],
        feiten,
      });
    expect([k.status, k.body.detail]).toEqual([201, undefined]);
    await omgeving.verwerk();
    return { id: k.body.id as string, kan: (k.body.volgendeEvents as Array<{ type: string }>).map((v) => v.type) };
  }

  async function brieven(id: string, auth: string, soort: string): Promise<Array<Brief & { tekst: string }>> {
    const lijst = (await request(omgeving.t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200)).body
      .resultaten as Brief[];
    const uit: Array<Brief & { tekst: string }> = [];
    for (const b of lijst.filter((x) => x.soort === soort).sort((x, y) => x.aan.localeCompare(y.aan))) {
      const tekst =
        b.status === 'opgemaakt'
          ? (
              await request(omgeving.t.http)
                .get(`/api/v1/klachten/${id}/brieven/${b.id}`)
                .set('Authorization', auth)
                .set('Accept', 'text/html')
                .expect(200)
            ).text
          : '';
      uit.push({ ...b, tekst });
    }
    return uit;
  }

  it.each([
    ['GM0363', 'Amsterdam', 'Klachtenprotocol Wmo keten §6 (contractueel)'],
    ['GM1904', 'Stichtse Vecht', 'Uitgangspunten klachtenmanagement §5A en §11-I; termijn naar analogie van Awb 9:11'],
  ])(
    'Klachtenprotocol Wmo keten Amsterdam §6, Uitgangspunten §5A (%s, %s): the ketenpartner postpones its own handling; no letter of the college says it postponed the afhandeling under Awb 9:11 lid 2',
    async (gemeente, _naam, grondslag) => {
      const auth = await bearer(omgeving.t.app, gemeente, 'klachtbehandelaar');
      const { id, kan } = await klacht(gemeente, auth, { aantalAanbieders: 1 });
      expect(kan).toContain('VERDAGEN');
      await omgeving.stap(auth, id, 'VERDAGEN', '2024-06-10T10:00:00+02:00', { termijn: 'aanbiederAfhandeling', duur: 'P4W' });
      const termijn = (await omgeving.t.db.query(
        `select vervaldatum::text as vervaldatum from termijn where klacht_id = $1 and naam = 'aanbiederAfhandeling' and status = 'lopend'`,
        [id],
      )) as Array<{ vervaldatum: string }>;
      expect(termijn).toEqual([{ vervaldatum: '2024-07-15' }]);
      const b = await brieven(id, auth, 'verdaging');
      expect(b.map((x) => ({ aan: x.aan, status: x.status, tekst: x.tekst }))).toEqual([
        { aan: 'beklaagde', status: 'niet-opgemaakt', tekst: '' },
        { aan: 'klager', status: 'niet-opgemaakt', tekst: '' },
      ]);
      for (const x of b) {
        expect(x.reden).toContain('verdaging van ');
        expect(x.reden).toContain('(aanbiederAfhandeling): dat is niet de afhandeltermijn van het college (Awb 9:11)');
        expect(x.reden).toContain(`(${grondslag})`);
      }
    },
  );

  it('Wkkgz 17 lid 2: the zorgaanbieder extends its own term for the written outcome; the college writes no letter saying it postponed the afhandeling under Awb 9:11 lid 2', async () => {
    const auth = await bearer(omgeving.t.app, 'GM1904', 'klachtbehandelaar');
    omgeving.klok.moment = new Date('2024-05-06T10:05:00+02:00');
    const k = await request(omgeving.t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente: 'GM1904',
        kanaal: 'brief',
        ontvangenOp: '2024-05-06T10:00:00+02:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'De wijkverpleging kwam niet',
        aanbieders: [{ id: 'zorg-y', naam: 'Zorg Y', type: 'zorg' }],
        feiten: { aantalAanbieders: 1 },
      });
    expect([k.status, k.body.detail]).toEqual([201, undefined]);
    await omgeving.verwerk();
    const id = k.body.id as string;
    await omgeving.stap(auth, id, 'VERDAGEN', '2024-06-10T10:00:00+02:00', { termijn: 'wkkgzAfhandeling', duur: 'P4W' });
    const b = await brieven(id, auth, 'verdaging');
    expect(b.map((x) => ({ aan: x.aan, status: x.status }))).toEqual([{ aan: 'klager', status: 'niet-opgemaakt' }]);
    expect(b[0].reden).toContain('(wkkgzAfhandeling): dat is niet de afhandeltermijn van het college (Awb 9:11)');
    expect(b[0].reden).toContain('(Wkkgz 17 lid 2)');
  });

  it("Awb 9:11 lid 2: the college's own afhandeltermijn verdaagd: the letter to klager and beklaagde names the new date, on behalf of the college", async () => {
    const auth = await bearer(omgeving.t.app, 'GM0363', 'klachtbehandelaar');
    const { id } = await klacht('GM0363', auth, { gerichtAan: 'gemeente', aantalAanbieders: 1 });
    await omgeving.stap(auth, id, 'VERDAGEN', '2024-06-10T10:00:00+02:00', { termijn: 'afhandeling', duur: 'P4W' });
    const b = await brieven(id, auth, 'verdaging');
    expect(b.map((x) => ({ aan: x.aan, status: x.status, datum: x.datum }))).toEqual([
      { aan: 'beklaagde', status: 'opgemaakt', datum: '2024-06-10' },
      { aan: 'klager', status: 'opgemaakt', datum: '2024-06-10' },
    ]);
    for (const x of b) {
      expect(x.tekst).toContain('Wij stellen de afhandeling met 4 weken uit (Algemene wet bestuursrecht, artikel 9:11 lid 2).');
      expect(x.tekst).toContain('De klacht is nu uiterlijk op maandag 15 juli 2024 afgehandeld.');
      expect(x.tekst).toContain('namens het college van burgemeester en wethouders van Amsterdam');
    }
  });
});
