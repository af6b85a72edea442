/**
 * A Jeugdwet klacht (about a jeugdhulpaanbieder's own conduct: Jeugdwet 4.2.1; lid 6: Awb titel 9.1 does not apply) at the
 * Kinderombudsman (Wet Nationale ombudsman art. 11c lid 1 sub b, 11d: Awb titel 9.2 by analogy), through the API on
 * Stichtse Vecht's regeling (its Jeugdwet route: bijzondereRegimes.jeugdhulp) with a fixed clock:
 * - it reads as being with the Kinderombudsman, not with the gemeente's Nationale ombudsman;
 * - sent back for internal handling first (Awb 9:20 lid 1 by analogy) it goes to the aanbieder's klachtencommissie with
 *   the commissie's term, never to the gemeente under Awb titel 9.1;
 * - the Kinderombudsman's informatievraag and interventieverzoek go to the aanbieder (Awb 9:31 by analogy);
 * - a klacht stored at bijOmbudsman.onderzoek before the Kinderombudsman had a state of its own still steps, the same way.
 */
import request from 'supertest';
import type { EngineApp } from './support/engine-harness';
import { kinderombudsman, type Kinderombudsman } from './support/kinderombudsman';

const NU = new Date('2026-09-01T09:00:00+02:00');

describe('Jeugdwet 4.2.1 lid 6 with Wet Nationale ombudsman art. 11c, 11d: a Jeugdwet klacht at the Kinderombudsman', () => {
  let jeugdwet: Kinderombudsman;
  let t: EngineApp;
  let behandelaar: string;

  beforeAll(async () => {
    jeugdwet = await kinderombudsman('jeugdwet_ombudsman', NU);
    ({ t, behandelaar } = jeugdwet);
  }, 120_000);

  afterAll(async () => {
    await jeugdwet?.close();
  });

  const stap: Kinderombudsman['stap'] = (...args) => jeugdwet.stap(...args);
  /**
   * Filed at the gemeente on Monday 2 March 2026 about Jeugdhulp West; oordeel 16 March, the aanbieder's reactie 30 March
   * (Jeugdwet 4.2.1 lid 2 sub c, lid 5), the request to the Kinderombudsman on 6 April 2026.
   */
  const bijKinderombudsman = () => jeugdwet.bijKinderombudsman();

  const tijdlijn = async (id: string) =>
    (await request(t.http).get(`/api/v1/klachten/${id}/tijdlijn`).set('Authorization', behandelaar).expect(200)).body as {
      klacht: { state: string; stateOmschrijving: string };
    };

  /** The running termijnen of these klachten, [klacht, naam, vervaldatum]. */
  const lopend = async (ids: string[]) =>
    (
      (await t.db.query(
        `SELECT klacht_id AS klacht, naam, to_char(vervaldatum, 'YYYY-MM-DD') AS vervaldatum FROM termijn
          WHERE status = 'lopend' AND klacht_id = any($1::uuid[]) ORDER BY klacht_id, naam`,
        [ids],
      )) as Array<{ klacht: string; naam: string; vervaldatum: string }>
    ).map((r) => [r.klacht, r.naam, r.vervaldatum]);

  /** The intents of these types the outbox holds for a klacht, as [type, naar], in order. */
  const intents = async (id: string, ...types: string[]) =>
    (
      (await t.db.query(
        `SELECT type, payload -> 'intent' ->> 'naar' AS naar FROM outbox WHERE klacht_id = $1 AND type = any($2::text[]) ORDER BY id`,
        [id, types.map((x) => `intent.${x}`)],
      )) as Array<{ type: string; naar: string }>
    ).map((r) => [r.type.replace(/^intent\./, ''), r.naar]);

  it('Wet Nationale ombudsman art. 11c, 11d: the klacht reads as being with the Kinderombudsman, not with the gemeente’s Nationale ombudsman', async () => {
    const id = await bijKinderombudsman();
    const { klacht } = await tijdlijn(id);
    expect(klacht.stateOmschrijving).toBe('Onderzoek door de Kinderombudsman naar de gedraging van de jeugdhulpaanbieder');
    expect(klacht.stateOmschrijving).not.toContain('Nationale ombudsman');
  });

  it('Awb 9:20 lid 1 (by analogy) with Jeugdwet 4.2.1 lid 6: sent back by the Kinderombudsman the klacht goes to the klachtencommissie with its six weeks from the forwarding, without an Awb 9:11 afhandeltermijn', async () => {
    const id = await bijKinderombudsman();
    expect((await stap(id, 'OMBUDSMAN_DOORGEZONDEN', '2026-04-20T10:00:00+02:00')).state).toBe(
      'jeugdwetKlachtencommissie.oordeelCommissie',
    );
    // Six weeks from Monday 20 April 2026: Monday 1 June 2026. No afhandeling (Awb 9:11), no nietBehandelenKennisgeving (9:8).
    expect(await lopend([id])).toEqual([[id, 'jeugdwetOordeel', '2026-06-01']]);
    expect(await intents(id, 'ONTVANGST_DOORGEZONDEN_KLACHT', 'KLACHT_REGISTREREN', 'ONTVANGSTBEVESTIGING')).toEqual([
      ['ONTVANGST_DOORGEZONDEN_KLACHT', 'klachtencommissie'],
    ]);
    // Filed as a klacht of its own, the forwarded klacht takes the Jeugdwet route too; the hoofdklacht closes.
    const hoofd = await bijKinderombudsman();
    const r = await request(t.http)
      .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
      .set('Authorization', behandelaar)
      .send({ soort: 'doorgezondenKlacht', ontvangenOp: '2026-04-20T09:00:00+02:00' })
      .expect(201);
    expect([r.body.gebeurtenisHoofdKlacht, r.body.state]).toEqual(['OMBUDSMAN_DOORGEZONDEN', 'jeugdwetKlachtencommissie.oordeelCommissie']);
    expect(await lopend([r.body.klachtId as string])).toEqual([[r.body.klachtId, 'jeugdwetOordeel', '2026-06-01']]);
    expect((await tijdlijn(hoofd)).klacht.state).toBe('afgesloten');
  });

  it('Wet Nationale ombudsman art. 11d with Awb 9:31 (by analogy): the Kinderombudsman’s informatievraag and interventieverzoek go to the jeugdhulpaanbieder, not to the gemeente’s loket', async () => {
    const id = await bijKinderombudsman();
    await stap(id, 'OMBUDSMAN_INFORMATIEVRAAG', '2026-04-13T10:00:00+02:00', { termijn: '2026-04-27', vraag: 'het dossier' });
    await stap(id, 'OMBUDSMAN_INTERVENTIEVERZOEK', '2026-04-14T10:00:00+02:00');
    expect(await intents(id, 'INFORMATIE_AAN_OMBUDSMAN', 'INTERVENTIE_OPPAKKEN')).toEqual([
      ['INFORMATIE_AAN_OMBUDSMAN', 'aanbieder'],
      ['INTERVENTIE_OPPAKKEN', 'aanbieder'],
    ]);
  });

  it('Jeugdwet 4.2.1 lid 6: a klacht stored at bijOmbudsman.onderzoek before the Kinderombudsman had a state of its own resolves, is answered by the aanbieder and goes back to the klachtencommissie', async () => {
    const id = await bijKinderombudsman();
    // The row as the machine wrote it before: the same context, the state of the gemeente's second line.
    await t.db.query(
      `UPDATE klacht SET state = 'bijOmbudsman.onderzoek', snapshot = jsonb_set(snapshot::jsonb, '{value}', '{"bijOmbudsman":"onderzoek"}') WHERE id = $1`,
      [id],
    );
    expect((await tijdlijn(id)).klacht.state).toBe('bijOmbudsman.onderzoek');
    expect((await stap(id, 'OMBUDSMAN_INFORMATIEVRAAG', '2026-04-13T10:00:00+02:00', { vraag: 'het dossier' })).state).toBe(
      'bijOmbudsman.onderzoek',
    );
    expect((await stap(id, 'OMBUDSMAN_DOORGEZONDEN', '2026-04-20T10:00:00+02:00')).state).toBe(
      'jeugdwetKlachtencommissie.oordeelCommissie',
    );
    expect(await lopend([id])).toEqual([[id, 'jeugdwetOordeel', '2026-06-01']]);
    expect(await intents(id, 'INFORMATIE_AAN_OMBUDSMAN', 'ONTVANGST_DOORGEZONDEN_KLACHT', 'KLACHT_REGISTREREN')).toEqual([
      ['INFORMATIE_AAN_OMBUDSMAN', 'aanbieder'],
      ['ONTVANGST_DOORGEZONDEN_KLACHT', 'klachtencommissie'],
    ]);
  });
});
