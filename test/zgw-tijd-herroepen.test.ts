/**
 * Awb 9:11 lid 1 (the last day of a termijn counts in full) with Zaken API 1.5.1 (statussen are only added; the current
 * status is the latest datumStatusGezet; an eindstatus closes the zaak, with a resultaat; a status after it reopens the
 * zaak, scope zaken.heropenen). An act of the klager's last day, registered after the wake-up at midnight closed the
 * klacht, undoes that wake-up (regime.ts `inhalen`, payload.herroepen). When the register never got the wake-up's
 * eindstatus, the zaak must show the klacht as it really went: no eindstatus, no resultaat and no reopening for a closure
 * that never was, and a closure by the act itself on the act's moment. When the register already had it, the act's status
 * follows it (test/zgw-connector.test.ts). Amsterdam, the aanbieder route (Klachtenprotocol Wmo keten Amsterdam §5A, §6),
 * against the validating mock of the ZGW APIs; an API-only process, the test runs the deliveries itself.
 */
import { TermijnEntity } from '../src/modules/termijnen/termijn.entity';
import { ZgwZaakEntity } from '../src/modules/zgw/zgw-zaak.entity';
import type { EngineApp } from './support/engine-harness';
import { LAATSTE_DAG as amsterdam, zgwAmsterdam, type ZgwAmsterdam } from './support/zgw-amsterdam';

let z: ZgwAmsterdam;
let app: EngineApp;

beforeAll(async () => {
  z = await zgwAmsterdam('zgw_tijd_herroepen');
  app = z.app;
}, 120_000);

afterAll(async () => {
  await z?.close();
});

const leverOk = (id: string) => z.leverOk(id);
const zaakVan = (id: string) => z.zaakVan(id);
const statussen = (id: string) => z.statussen(id);
const resultaten = (id: string) => z.resultaten(id);
async function geslotenNaWachten(leverTussendoor: boolean): Promise<string> {
  const { klacht } = await app.engine.create(amsterdam, { actor: 'aanbieder' });
  await app.engine.apply(
    klacht.id,
    { type: 'AFDOENEN', at: '2026-04-20T10:00:00+02:00', data: { oordeel: 'gegrond' } },
    { actor: 'aanbieder' },
  );
  await leverOk(klacht.id);
  const t = await app.db.getRepository(TermijnEntity).findOneByOrFail({ klachtId: klacht.id, naam: 'tweedeLijnVerzoekNaAanbieder' });
  expect(
    await app.wake.verval(
      { klachtId: klacht.id, termijnNaam: 'tweedeLijnVerzoekNaAanbieder', revision: t.revision, kind: 'verval' },
      new Date('2027-04-21T00:00:05+02:00'),
    ),
  ).toBe('verwerkt');
  await app.relay.idle();
  if (leverTussendoor) await leverOk(klacht.id);
  return klacht.id;
}

describe('Awb 9:11 lid 1, Zaken API 1.5.1: a wake-up undone before the register got its eindstatus', () => {
  it("VERZOEK_OMBUDSMAN of the klager's last day: the zaak goes from Afgehandeld to Bij de ombudsman on the act's moment, never closed, without resultaat", async () => {
    const id = await geslotenNaWachten(false);
    await app.engine.apply(id, { type: 'VERZOEK_OMBUDSMAN', at: '2027-04-20T16:00:00+02:00' }, { actor: 'kcc' });
    await leverOk(id);
    expect(statussen(id)).toEqual([
      ['Doorgestuurd', '2026-04-02T08:00:00.000Z'],
      ['Afgehandeld', '2026-04-20T08:00:00.000Z'],
      ['Bij de ombudsman', '2027-04-20T14:00:00.000Z'],
    ]);
    expect(resultaten(id)).toHaveLength(0);
    expect(zaakVan(id).einddatum ?? null).toBeNull();
    // Nothing more on the next run.
    await app.db.getRepository(ZgwZaakEntity).update({ klachtId: id }, { status: 'wachtend' });
    await leverOk(id);
    expect(statussen(id)).toHaveLength(3);
  });

  it("KLAGER_TEVREDEN of the klager's last day closes the zaak on the act's moment (20 April 16:00), not at the undone wake-up's midnight", async () => {
    const id = await geslotenNaWachten(false);
    await app.engine.apply(id, { type: 'KLAGER_TEVREDEN', at: '2027-04-20T16:00:00+02:00' }, { actor: 'kcc' });
    await leverOk(id);
    expect(statussen(id)).toEqual([
      ['Doorgestuurd', '2026-04-02T08:00:00.000Z'],
      ['Afgehandeld', '2026-04-20T08:00:00.000Z'],
      ['Afgesloten', '2027-04-20T14:00:00.000Z'],
    ]);
    expect(resultaten(id)).toHaveLength(1);
    expect(zaakVan(id).einddatum).toBe('2027-04-20');
  });

  it('a registration change (PATCH .../registratie) recorded between the wake-up and the late act is no step: it sets no status, also not the undone closure the klacht stood in when it was recorded', async () => {
    const id = await geslotenNaWachten(false);
    await app.engine.registreer(id, { afwikkeling: 'opgelost met klager' }, '2027-04-22T10:00:00+02:00', { actor: 'behandelaar' });
    await app.engine.apply(id, { type: 'VERZOEK_OMBUDSMAN', at: '2027-04-20T16:00:00+02:00' }, { actor: 'kcc' });
    await leverOk(id);
    expect(statussen(id)).toEqual([
      ['Doorgestuurd', '2026-04-02T08:00:00.000Z'],
      ['Afgehandeld', '2026-04-20T08:00:00.000Z'],
      ['Bij de ombudsman', '2027-04-20T14:00:00.000Z'],
    ]);
    expect(resultaten(id)).toHaveLength(0);
  });

  it('the register already had the eindstatus: it stays and the late act reopens the zaak after it, also on every later run', async () => {
    const id = await geslotenNaWachten(true);
    await app.engine.apply(id, { type: 'VERZOEK_OMBUDSMAN', at: '2027-04-20T16:00:00+02:00' }, { actor: 'kcc' });
    await leverOk(id);
    const namen = statussen(id).map((s) => s[0]);
    expect(namen).toEqual(['Doorgestuurd', 'Afgehandeld', 'Afgesloten', 'Bij de ombudsman']);
    // The zaak's current status (its latest datumStatusGezet) is the klacht's step again.
    const huidige = [...statussen(id)].sort((x, y) => Date.parse(String(x[1])) - Date.parse(String(y[1]))).at(-1)![0];
    expect(huidige).toBe('Bij de ombudsman');
    await app.db.getRepository(ZgwZaakEntity).update({ klachtId: id }, { status: 'wachtend' });
    await leverOk(id);
    expect(statussen(id).map((s) => s[0])).toEqual(namen);
  });
});
