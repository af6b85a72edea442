/**
 * Zaken API 1.5.1 on reopening a zaak: "indien een zaak heropend moet worden, doe dit dan door een nieuwe status toe te
 * voegen die NIET de eindstatus is" (zaak_update, zaak_partial_update); the register sets and clears `einddatum` itself
 * (readOnly; status_create: "Indien het statustype de eindstatus is ... wordt de zaak afgesloten door de einddatum te
 * zetten"). The standard asks nothing of the resultaat on reopening, so Klachtregie keeps it (docs/zgw.md §1): it is the
 * klacht's outcome as it stands, and at the next closing it is replaced (resultaat_destroy, resultaat_create) only if the
 * klacht then ends otherwise, as its resultaattype may not change (resultaat_partial_update). Amsterdam, the aanbieder
 * route (Klachtenprotocol Wmo keten Amsterdam §5A, §6): the klager's year for the ombudsman (Awb 9:24 lid 1) closes the
 * klacht at midnight, and a request of its last day, registered after, reopens it (Awb 9:11 lid 1: the last day counts in
 * full). Against the validating mock of the ZGW APIs; an API-only process, the test runs the deliveries itself.
 */
import { TermijnEntity } from '../src/modules/termijnen/termijn.entity';
import type { EngineApp } from './support/engine-harness';
import { LAATSTE_DAG as amsterdam, zgwAmsterdam, type ZgwAmsterdam } from './support/zgw-amsterdam';
import type { ZgwMock } from './support/zgw-mock';

let z: ZgwAmsterdam;
let mock: ZgwMock;
let app: EngineApp;

beforeAll(async () => {
  z = await zgwAmsterdam('zgw_heropenen_resultaat');
  ({ mock, app } = z);
}, 120_000);

afterAll(async () => {
  await z?.close();
});

const leverOk = (id: string) => z.leverOk(id);
const zaakVan = (id: string) => z.zaakVan(id);
const statussen = (id: string) => z.statussen(id);
const resultaten = (id: string) => z.resultaten(id);

const resultaattypen = (id: string) => {
  const naam = Object.fromEntries(Object.entries(z.cat.resultaattypen).map(([k, v]) => [v, k]));
  return resultaten(id).map((r) => naam[String(r.resultaattype)]);
};

describe('Zaken API 1.5.1: a zaak reopened after its eindstatus keeps its resultaat; the next closing leaves it when the klacht ends the same way', () => {
  it("the klager's year closed the klacht (resultaat Gegrond, by the aanbieder's oordeel, Awb 9:12 lid 1); the request to the ombudsman of its last day reopens the zaak, einddatum cleared, the resultaat kept; after the ombudsman's report the zaak closes again with that one resultaat, not deleted and made again", async () => {
    const { klacht } = await app.engine.create(amsterdam, { actor: 'aanbieder' });
    const id = klacht.id;
    await app.engine.apply(id, { type: 'AFDOENEN', at: '2026-04-20T10:00:00+02:00', data: { oordeel: 'gegrond' } }, { actor: 'aanbieder' });
    const t = await app.db.getRepository(TermijnEntity).findOneByOrFail({ klachtId: id, naam: 'tweedeLijnVerzoekNaAanbieder' });
    expect(
      await app.wake.verval(
        { klachtId: id, termijnNaam: 'tweedeLijnVerzoekNaAanbieder', revision: t.revision, kind: 'verval' },
        new Date('2027-04-21T00:00:05+02:00'),
      ),
    ).toBe('verwerkt');
    await leverOk(id);
    expect(statussen(id).map((s) => s[0])).toEqual(['Doorgestuurd', 'Afgehandeld', 'Afgesloten']);
    const eerste = resultaten(id);
    expect(resultaattypen(id)).toEqual(['Gegrond']);
    expect(zaakVan(id).einddatum).toBe('2027-04-20');

    // Reopened: a status that is not the eindstatus; the register clears einddatum, the resultaat stays.
    await app.engine.apply(id, { type: 'VERZOEK_OMBUDSMAN', at: '2027-04-20T16:00:00+02:00' }, { actor: 'kcc' });
    await leverOk(id);
    expect(statussen(id).map((s) => s[0])).toEqual(['Doorgestuurd', 'Afgehandeld', 'Afgesloten', 'Bij de ombudsman']);
    expect(zaakVan(id).einddatum ?? null).toBeNull();
    expect(resultaten(id)).toEqual(eerste);

    // The ombudsman reports without recommendations: the klacht closes again, the same resultaat, the same object.
    await app.engine.apply(
      id,
      { type: 'RAPPORT_OMBUDSMAN', at: '2027-06-02T10:00:00+02:00', data: { aanbevelingen: false } },
      { actor: 'kcc' },
    );
    await leverOk(id);
    expect(statussen(id).map((s) => s[0])).toEqual(['Doorgestuurd', 'Afgehandeld', 'Afgesloten', 'Bij de ombudsman', 'Afgesloten']);
    expect(resultaten(id)).toEqual(eerste);
    expect(zaakVan(id).einddatum).toBe('2027-06-02');
    expect(mock.verzoeken.filter((v) => v.methode === 'DELETE')).toEqual([]);
    expect(mock.geweigerd).toEqual([]);
  });
});
