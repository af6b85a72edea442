/**
 * Awb 9:6 with 9:11 lid 1: the ontvangstbevestiging tells the klager by which date the college handles his klacht
 * ('Wij handelen uw klacht af uiterlijk op …'), with the calculation. The termijn's explanation also holds notes for the
 * behandelaar: the decree days of a year are not (yet) confirmed (Algemene termijnenwet art. 3 lid 3), 'Controleer het
 * Staatsblad vóór u op deze datum vertrouwt'. Such a decree can only make the statutory end later, so the college's date
 * stands; the letter must not tell the klager not to rely on it. The termijn keeps the note for the behandelaar. Real
 * PostgreSQL, the seed definitions, the letters made by the outbox handler on the service's clock (KLOK).
 */
import request from 'supertest';
import { bearer } from './auth-support';
import { briefLaterApp, type BriefLater } from './support/brief-later';

describe('Awb 9:6, 9:11 lid 1: the ontvangstbevestiging states the date the college commits to, without the notes for the behandelaar', () => {
  let omgeving: BriefLater;

  beforeAll(async () => {
    omgeving = await briefLaterApp('brieven_tijd_ontvangstbevestiging', new Date('2021-10-04T10:00:00+02:00'));
  });

  afterAll(async () => {
    await omgeving?.sluit();
  });

  /** A klacht about a gemeentelijke functionaris received at `ontvangen`, taken into formal treatment the next day. */
  async function ontvangstbevestiging(
    gemeente: string,
    ontvangen: string,
    formeel: string,
  ): Promise<{ datum: string; tekst: string; uitleg: string[] }> {
    const auth = await bearer(omgeving.t.app, gemeente, 'klachtbehandelaar');
    omgeving.klok.moment = new Date(new Date(ontvangen).getTime() + 5 * 60_000);
    const k = await request(omgeving.t.http)
      .post('/api/v1/klachten')
      .set('Authorization', auth)
      .send({
        gemeente,
        kanaal: 'brief',
        ontvangenOp: ontvangen,
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'De consulent kwam de afspraak niet na',
        aanbieders: [],
        feiten: { betreftGemeentelijkeFunctionaris: true },
      });
    expect([k.status, k.body.detail]).toEqual([201, undefined]);
    await omgeving.verwerk();
    const id = k.body.id as string;
    await omgeving.stap(auth, id, 'FORMELE_BEHANDELING', formeel);
    const lijst = (await request(omgeving.t.http).get(`/api/v1/klachten/${id}/brieven`).set('Authorization', auth).expect(200)).body
      .resultaten as Array<{ id: string; soort: string; datum: string; status: string }>;
    const b = lijst.find((x) => x.soort === 'ontvangstbevestiging' && x.status === 'opgemaakt');
    if (!b) throw new Error(`geen ontvangstbevestiging: ${JSON.stringify(lijst)}`);
    const html = await request(omgeving.t.http)
      .get(`/api/v1/klachten/${id}/brieven/${b.id}`)
      .set('Authorization', auth)
      .set('Accept', 'text/html')
      .expect(200);
    const [termijn] = (await omgeving.t.db.query(`select uitleg from termijn where klacht_id = $1 and naam = 'afhandeling'`, [
      id,
    ])) as Array<{
      uitleg: string[];
    }>;
    return { datum: b.datum, tekst: html.text, uitleg: termijn.uitleg };
  }

  it.each([
    // 2021: the decree days of that year are not confirmed in Klachtregie's table.
    ['GM0457', '2021-10-04T10:00:00+02:00', '2021-10-05T10:00:00+02:00', 'maandag 15 november 2021', 'zijn niet bevestigd'],
    // A termijn into 2029: the decree days of that year are not known yet.
    ['GM1904', '2028-12-01T10:00:00+01:00', '2028-12-04T10:00:00+01:00', 'vrijdag 12 januari 2029', 'zijn nog niet bekend'],
  ])(
    'Awb 9:6, 9:11 lid 1, Atw art. 3 lid 3 (%s, received %s): the letter names the date and its calculation; the note for the behandelaar stays with the termijn',
    async (gemeente, ontvangen, formeel, datum, notitie) => {
      const b = await ontvangstbevestiging(gemeente, ontvangen, formeel);
      expect(b.uitleg.some((r) => r.startsWith('Let op: ') && r.includes(notitie) && r.includes('Staatsblad'))).toBe(true);
      expect(b.tekst).toContain(`Wij handelen uw klacht af uiterlijk op ${datum}.`);
      expect(b.tekst).toContain(`Vervaldatum: ${datum}`);
      expect(b.tekst).toContain('6 weken na ');
      expect({ letOp: b.tekst.includes('Let op'), staatsblad: b.tekst.includes('Staatsblad') }).toEqual({
        letOp: false,
        staatsblad: false,
      });
    },
  );
});
