/**
 * The Kinderombudsman's informatievraag and interventieverzoek about a Jeugdwet klacht (Jeugdwet 4.2.1; lid 6: the gemeente
 * has no part in it), filed as a klacht of its own (POST /klachten/{id}/ombudsman-verzoeken), through the API on Stichtse
 * Vecht's regeling with a fixed clock. Wet Nationale ombudsman art. 11c lid 1 sub b, 11d apply Awb titel 9.2 by analogy,
 * with the aanbieder where Awb 9:31 names the bestuursorgaan: the request's own klacht gives the task to the
 * jeugdhulpaanbieder, as the event on the klacht itself does, and names the Kinderombudsman as the one who asked. The
 * klacht's route decides, not its state nor the aanbieder's type:
 * - a request about a klacht over the gemeente's own conduct (which names the jeugdhulpaanbieder too) stays with the loket;
 * - a request about a Jeugdwet klacht stored at bijOmbudsman.onderzoek (before the Kinderombudsman had a state of its own)
 *   goes to the aanbieder, and the hoofdklacht still takes its event.
 */
import request from 'supertest';
import type { EngineApp } from './support/engine-harness';
import { kinderombudsman, type Kinderombudsman } from './support/kinderombudsman';

const NU = new Date('2026-09-01T09:00:00+02:00');

describe('Wet Nationale ombudsman art. 11d with Awb 9:31 (by analogy): the Kinderombudsman’s request filed as its own klacht', () => {
  let jeugdwet: Kinderombudsman;
  let t: EngineApp;
  let behandelaar: string;

  beforeAll(async () => {
    jeugdwet = await kinderombudsman('jeugdwet_ombudsman_verzoek', NU);
    ({ t, behandelaar } = jeugdwet);
  }, 120_000);

  afterAll(async () => {
    await jeugdwet?.close();
  });

  const stap: Kinderombudsman['stap'] = (...args) => jeugdwet.stap(...args);
  const indienen: Kinderombudsman['indienen'] = (feiten) => jeugdwet.indienen(feiten);
  /** A Jeugdwet klacht at the Kinderombudsman: oordeel 16 March, reactie 30 March, the request to him on 6 April 2026. */
  const bijKinderombudsman = () => jeugdwet.bijKinderombudsman();

  const verzoek = async (hoofd: string, soort: string, ontvangenOp: string, termijn?: string) =>
    (
      await request(t.http)
        .post(`/api/v1/klachten/${hoofd}/ombudsman-verzoeken`)
        .set('Authorization', behandelaar)
        .send({ soort, ontvangenOp, ...(termijn ? { termijn } : {}) })
        .expect(201)
    ).body as { klachtId: string; state: string; gebeurtenisHoofdKlacht: string | null };

  /** The Awb 9:31 tasks the outbox holds for a klacht: [type, naar, grondslag, ombudsman, termijn], in order. */
  const taken = async (id: string) =>
    (
      (await t.db.query(
        `SELECT type, payload -> 'intent' ->> 'naar' AS naar, payload -> 'intent' ->> 'grondslag' AS grondslag,
                payload -> 'intent' -> 'data' ->> 'ombudsman' AS ombudsman, payload -> 'intent' -> 'data' ->> 'termijn' AS termijn
           FROM outbox WHERE klacht_id = $1 AND type IN ('intent.INFORMATIE_AAN_OMBUDSMAN', 'intent.INTERVENTIE_OPPAKKEN') ORDER BY id`,
        [id],
      )) as Array<{ type: string; naar: string; grondslag: string; ombudsman: string; termijn: string | null }>
    ).map((r) => [r.type.replace(/^intent\./, ''), r.naar, r.grondslag, r.ombudsman, r.termijn]);

  const NAAR_ANALOGIE = 'Wet Nationale ombudsman art. 11d; Awb 9:31 (naar analogie)';

  it('Wet Nationale ombudsman art. 11d with Awb 9:31 (by analogy): the informatievraag and interventieverzoek filed as their own klacht go to the jeugdhulpaanbieder, not to the gemeente’s loket', async () => {
    const hoofd = await bijKinderombudsman();
    const vraag = await verzoek(hoofd, 'informatievraag', '2026-04-13T09:00:00+02:00', '2026-04-27');
    expect([vraag.state, vraag.gebeurtenisHoofdKlacht]).toEqual(['verzoekOmbudsman.informatievraag', 'OMBUDSMAN_INFORMATIEVRAAG']);
    expect(await taken(vraag.klachtId)).toEqual([
      ['INFORMATIE_AAN_OMBUDSMAN', 'aanbieder', NAAR_ANALOGIE, 'Kinderombudsman', '2026-04-27'],
    ]);
    // The date the Kinderombudsman set, and by whom (Awb 9:31 lid 1), in the termijn's uitleg.
    const detail = await request(t.http).get(`/api/v1/klachten/${vraag.klachtId}`).set('Authorization', behandelaar).expect(200);
    const termijn = (detail.body.termijnen as Array<{ naam: string; vervaldatum: string; uitleg: string[] }>).find(
      (x) => x.naam === 'ombudsmanTermijn',
    );
    expect(termijn?.vervaldatum).toBe('2026-04-27');
    expect(termijn?.uitleg.join('\n')).toContain('Kinderombudsman stelde de datum');

    const interventie = await verzoek(hoofd, 'interventieverzoek', '2026-04-14T09:00:00+02:00');
    expect([interventie.state, interventie.gebeurtenisHoofdKlacht]).toEqual([
      'verzoekOmbudsman.interventieverzoek',
      'OMBUDSMAN_INTERVENTIEVERZOEK',
    ]);
    expect(await taken(interventie.klachtId)).toEqual([['INTERVENTIE_OPPAKKEN', 'aanbieder', NAAR_ANALOGIE, 'Kinderombudsman', null]]);
    // The hoofdklacht only records that he asked: the task is the request's own klacht's, given once.
    expect(await taken(hoofd)).toEqual([]);
    expect((await stap(vraag.klachtId, 'INFORMATIE_VERSTREKT', '2026-04-24T10:00:00+02:00')).state).toBe('afgesloten');
  });

  it('Awb 9:31 (unchanged): a request about a klacht over the gemeente’s own conduct stays with the loket, though it names the jeugdhulpaanbieder', async () => {
    // Over a gemeentelijke functionaris: Awb titel 9.1 at the gemeente (Jeugdwet 4.2.1 covers only the aanbieder's conduct).
    const { id: hoofd, state } = await indienen({ betreftGemeentelijkeFunctionaris: true });
    expect(state).toMatch(/^gemeente\./);
    const vraag = await verzoek(hoofd, 'informatievraag', '2026-04-13T09:00:00+02:00', '2026-04-27');
    expect(vraag.state).toBe('verzoekOmbudsman.informatievraag');
    expect(await taken(vraag.klachtId)).toEqual([['INFORMATIE_AAN_OMBUDSMAN', 'KCC', 'Awb 9:31', 'Nationale ombudsman', '2026-04-27']]);
    const interventie = await verzoek(hoofd, 'interventieverzoek', '2026-04-14T09:00:00+02:00');
    expect(await taken(interventie.klachtId)).toEqual([['INTERVENTIE_OPPAKKEN', 'KCC', 'Awb 9:31', 'Nationale ombudsman', null]]);
  });

  it('Jeugdwet 4.2.1 lid 6: a request about a Jeugdwet klacht stored at bijOmbudsman.onderzoek goes to the aanbieder, and the hoofdklacht takes its event', async () => {
    const hoofd = await bijKinderombudsman();
    // The row as the machine wrote it before the Kinderombudsman had a state of its own.
    await t.db.query(
      `UPDATE klacht SET state = 'bijOmbudsman.onderzoek', snapshot = jsonb_set(snapshot::jsonb, '{value}', '{"bijOmbudsman":"onderzoek"}') WHERE id = $1`,
      [hoofd],
    );
    const vraag = await verzoek(hoofd, 'informatievraag', '2026-04-13T09:00:00+02:00', '2026-04-27');
    expect([vraag.state, vraag.gebeurtenisHoofdKlacht]).toEqual(['verzoekOmbudsman.informatievraag', 'OMBUDSMAN_INFORMATIEVRAAG']);
    expect(await taken(vraag.klachtId)).toEqual([
      ['INFORMATIE_AAN_OMBUDSMAN', 'aanbieder', NAAR_ANALOGIE, 'Kinderombudsman', '2026-04-27'],
    ]);
    const detail = await request(t.http).get(`/api/v1/klachten/${hoofd}`).set('Authorization', behandelaar).expect(200);
    expect(detail.body.state).toBe('bijOmbudsman.onderzoek');
    expect(await taken(hoofd)).toEqual([]);
  });
});
