/**
 * The hand-over at contract end (Klachtenprotocol Wmo keten Amsterdam §9; Wmo 2015 art. 2.1.1) on Amsterdam's seed
 * definition: a real engine app with a fixed clock, 1 June 2026 (the day after the contract end of 31 May); no worker
 * runs (ROLE=api), so no wake-up runs unless the hand-over runs it. Klachten about one aanbieder go in through the
 * engine; the hand-over through the API as Amsterdam's beheerder, its archive (tar) read back. For the tests of the
 * hand-over (overdracht-inhaal, overdracht-achterstand, overdracht-archief).
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../../src/common/klok';
import type { IntakeInput } from '../../src/machines/contract';
import { leesTar } from '../../src/modules/overdracht/tar';
import { bearer } from '../auth-support';
import { eigenEngine, type EigenEngine } from './eigen-engine';

/** The hand-over's moment, the service's clock. */
export const OVERDRACHT_NU = new Date('2026-06-01T09:00:00Z');

/** A klacht about one aanbieder received by telephone at the gemeente on `dag`: forwarded to it (§5A), or with `direct` handled by the gemeente (§5B). */
export const aanbiederIntake = (aanbiederId: string, dag: string, direct = false): IntakeInput => ({
  gemeente: 'GM0363',
  kanaal: 'telefoon',
  ontvangenOp: `${dag}T10:00:00+02:00`,
  ingediendBij: 'gemeente',
  soort: 'klacht',
  aanbieders: [{ id: aanbiederId, naam: aanbiederId, type: 'wmo' }],
  feiten: { complex: false, eerderBijAanbieder: false, ...(direct ? { wilDirectBijGemeente: true } : {}) },
});

/** The answer to a hand-over: status, headers and the body as bytes (the tar, on 200). */
export interface OverdrachtAntwoord {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The app (`a`), its database (`tdb`) and `close` (afterAll), with: */
export interface OverdrachtApp extends EigenEngine {
  /** Bearer header of Amsterdam's beheerder, who asks for the hand-over. */
  beheerder: string;
  /** A klacht about `aanbiederId` received on `dag` (aanbiederIntake); with `contact` the aanbieder made contact that day. Its id. */
  klacht(aanbiederId: string, dag: string, opties?: { contact?: string; direct?: boolean }): Promise<string>;
  /** POST /aanbieders/{id}/overdracht with the contract's end 31 May 2026, whatever it answers. */
  draagOver(aanbiederId: string): Promise<OverdrachtAntwoord>;
}

/** The files of a hand-over's archive, by path. */
export function archiefBestanden(tar: Buffer): Map<string, Buffer> {
  return new Map(leesTar(tar).map((f) => [f.pad, f.inhoud]));
}

export async function overdrachtApp(naam: string): Promise<OverdrachtApp> {
  const basis = await eigenEngine(naam, {
    env: { SWEEP_INTERVAL_MS: '600000' },
    override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(OVERDRACHT_NU)),
  });
  const { a } = basis;
  const beheerder = await bearer(a.app, 'GM0363', 'beheerder');
  return {
    ...basis,
    beheerder,
    async klacht(aanbiederId, dag, opties = {}) {
      const { klacht } = await a.engine.create(aanbiederIntake(aanbiederId, dag, opties.direct), { actor: 'kcc' });
      if (opties.contact)
        await a.engine.apply(klacht.id, { type: 'CONTACT_OPGENOMEN', at: `${opties.contact}T10:00:00+02:00` }, { actor: 'aanbieder' });
      return klacht.id;
    },
    async draagOver(aanbiederId) {
      const r = await request(a.http)
        .post(`/api/v1/aanbieders/${aanbiederId}/overdracht`)
        .set('Authorization', beheerder)
        .send({ contractEinde: '2026-05-31' })
        .buffer(true)
        .parse((res, cb) => {
          const delen: Buffer[] = [];
          res.on('data', (d: Buffer) => delen.push(Buffer.from(d)));
          res.on('end', () => cb(null, Buffer.concat(delen)));
        });
      return { status: r.status, headers: r.headers as Record<string, string>, body: r.body as Buffer };
    },
  };
}
