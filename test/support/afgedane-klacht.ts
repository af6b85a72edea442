/**
 * A Stichtse Vecht (GM1904) klacht taken through the API to its afdoening, for the tests of what follows it: the
 * second line's year (Awb 9:24), ombudsman requests about it (Awb 9:31) and its retention. One copy for those tests.
 */
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

export const STICHTSE_VECHT = 'GM1904';

export interface KlachtStappen {
  /** Registers one step as the behandelaar (200 expected, no refusal) and returns the klacht as the API answers. */
  stap(id: string, type: string, at: string, data?: Record<string, unknown>): Promise<{ state: string; done: boolean }>;
  /** A klacht handled formally and afgedaan on `afdoen`: it then waits in tweedeLijnVenster (Awb 9:24 lid 1 sub b). */
  afgedaneKlacht(ontvangen: string, afdoen: string): Promise<string>;
}

/** `behandelaar` is read at each call: the tests set it in their beforeAll. */
export function klachtStappen(http: () => ReturnType<INestApplication['getHttpServer']>, behandelaar: () => string): KlachtStappen {
  const stap: KlachtStappen['stap'] = async (id, type, at, data) => {
    const r = await request(http())
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set('Authorization', behandelaar())
      .send({ type, at, ...(data ? { data } : {}) });
    expect([r.status, r.body.detail]).toEqual([200, undefined]);
    return r.body;
  };
  const afgedaneKlacht: KlachtStappen['afgedaneKlacht'] = async (ontvangen, afdoen) => {
    const k = await request(http())
      .post('/api/v1/klachten')
      .set('Authorization', behandelaar())
      .send({
        gemeente: STICHTSE_VECHT,
        kanaal: 'brief',
        ontvangenOp: `${ontvangen}T10:00:00+02:00`,
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'Mevrouw Jansen, Dorpsstraat 1',
        aanbieders: [],
        feiten: {},
      })
      .expect(201);
    const id = k.body.id as string;
    await stap(id, 'FORMELE_BEHANDELING', `${ontvangen}T12:00:00+02:00`);
    await stap(id, 'IN_BEHANDELING_NEMEN', `${ontvangen}T13:00:00+02:00`);
    await stap(id, 'HOREN_OVERSLAAN', `${ontvangen}T14:00:00+02:00`, { reden: 'afgezien' });
    expect((await stap(id, 'AFDOENEN', `${afdoen}T12:00:00+02:00`, { oordeel: 'ongegrond' })).state).toBe('tweedeLijnVenster');
    return id;
  };
  return { stap, afgedaneKlacht };
}
