/**
 * A Jeugdwet klacht of Stichtse Vecht (GM1904; its Jeugdwet route, bijzondereRegimes.jeugdhulp: Jeugdwet 4.2.1) about
 * Jeugdhulp West, filed at the gemeente and taken through the API to the Kinderombudsman (Wet Nationale ombudsman
 * art. 11c lid 1 sub b, 11d), on a real engine app with the seed definitions and a fixed clock (KLOK); no worker runs
 * (ROLE=api). For the tests of what the Kinderombudsman's part does (jeugdwet-ombudsman, jeugdwet-ombudsman-verzoek).
 */
import request from 'supertest';
import { vasteKlok } from '../../src/common/klok';
import { STICHTSE_VECHT } from './afgedane-klacht';
import { stichtseVecht, type StichtseVecht } from './stichtse-vecht';

export const JEUGDHULP_WEST = { id: 'jeugd-west', naam: 'Jeugdhulp West', type: 'jeugdhulp' };

/** Stichtse Vecht's app, its klachtbehandelaar and steps (stichtse-vecht.ts), with: */
export interface Kinderombudsman extends StichtseVecht {
  /**
   * A klacht about Jeugdhulp West with these facts, filed at the gemeente by letter on Monday 2 March 2026 (201); its
   * id and the state it starts in.
   */
  indienen(feiten: Record<string, unknown>): Promise<{ id: string; state: string }>;
  /**
   * A Jeugdwet klacht at the Kinderombudsman: at the klachtencommissie from its intake, oordeel 16 March, the aanbieder's
   * reactie 30 March (Jeugdwet 4.2.1 lid 2 sub c, lid 5), the request to the Kinderombudsman on 6 April 2026; its id.
   */
  bijKinderombudsman(): Promise<string>;
}

export async function kinderombudsman(naam: string, nu: Date): Promise<Kinderombudsman> {
  const sv = await stichtseVecht(naam, vasteKlok(nu));
  const { t, behandelaar, stap } = sv;
  const indienen: Kinderombudsman['indienen'] = async (feiten) => {
    const k = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar)
      .send({
        gemeente: STICHTSE_VECHT,
        kanaal: 'brief',
        ontvangenOp: '2026-03-02T10:00:00+01:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'Ouders van J., over de jeugdhulp',
        aanbieders: [JEUGDHULP_WEST],
        feiten,
      })
      .expect(201);
    return { id: k.body.id as string, state: k.body.state as string };
  };
  return {
    ...sv,
    indienen,
    async bijKinderombudsman() {
      const { id, state } = await indienen({});
      expect(state).toBe('jeugdwetKlachtencommissie.oordeelCommissie');
      await stap(id, 'OORDEEL_KLACHTENCOMMISSIE', '2026-03-16T10:00:00+01:00', { oordeel: 'gegrond' });
      await stap(id, 'REACTIE_AANBIEDER', '2026-03-30T10:00:00+02:00', { maatregelen: 'scholing' });
      expect((await stap(id, 'VERZOEK_OMBUDSMAN', '2026-04-06T10:00:00+02:00')).state).toBe('bijOmbudsman.kinderombudsman.onderzoek');
      return id;
    },
  };
}
