import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { OORDELEN } from '../src/machines/compiler/gebeurtenissen';
import { loadAndValidate } from '../src/machines/definition/validate';
import type { Definitie } from '../src/machines/definition/types';
import {
  REGISTRATIE_VELDEN,
  TEVREDENHEID_VAN_GEBEURTENIS,
  VERLOPEN_ZONDER_REACTIE_KLAGER,
  registratieLijsten,
  registratieVanGebeurtenis,
} from '../src/machines/registratie';
import { oordeelUitData, registratieKolommen } from '../src/modules/engine/engine.service';
import { registratieSql, tevredenheidPerDefinitie } from '../src/modules/reports/rapportage.repository';
import { bearer } from './auth-support';
import { createTestDatabase, sqlOp, type TestDatabase } from './support';
import { createEngineApp, type EngineApp } from './support/engine-harness';

const SV = 'GM1904';
/** After every history row of the test: the registration "as at" this moment is the last one. */
const NA_ALLES = '2030-01-01T00:00:00Z';

interface Kolommen {
  categorie: string | null;
  oorzaak: string | null;
  afdoening: string | null;
  oordeel: string | null;
  tevredenheid: string | null;
  maatregelen: string[];
}
interface Rij {
  type: string;
  payload: Record<string, unknown>;
}

/**
 * The stored reports read a klacht's registration as at their peildatum from its history (registratieSql, Awb 9:12a;
 * Uitgangspunten klachtenmanagement Sociaal Domein Stichtse Vecht art. 11.1; Klachtenprotocol Wmo keten Amsterdam §5A,
 * §6); the engine writes the klacht's columns from the pure rules of registratie.ts (registratieVanGebeurtenis, the
 * columns of registratieKolommen, the Awb 9:12 oordeel of a step). The two are written apart and must say the same:
 * for every history value the pure rules understand, in every definition in definitions/, the SQL on a real database
 * gives the columns the rules give. A change to either side alone fails here.
 */
describe('registratieSql says what registratie.ts says (stored reports as at their peildatum)', () => {
  let db: TestDatabase;
  let t: EngineApp;
  let sjabloon: string;
  const definities = loadAndValidate(['definitions']).definities.map((d) => ({ id: d.id, definitie: d.definitie }));

  beforeAll(async () => {
    db = await createTestDatabase('registratie_sql');
    t = await createEngineApp({ databaseUrl: db.url, regimes: 'definities', env: { ROLE: 'api' } });
    const r = await request(t.http)
      .post('/api/v1/klachten')
      .set('Authorization', await bearer(t.app, SV, 'klachtbehandelaar'))
      .send({
        gemeente: SV,
        kanaal: 'brief',
        ontvangenOp: '2026-01-05T10:00:00+01:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'bejegening door een consulent',
        aanbieders: [],
        feiten: {},
      });
    expect([r.status, r.body.detail]).toEqual([201, undefined]);
    sjabloon = r.body.id as string;
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  /**
   * The columns the engine writes for these accepted history rows, in order, by the pure rules: registratieVanGebeurtenis
   * and registratieKolommen for every row (the intake's and REGISTRATIE_GEWIJZIGD's registratie too), and a step's
   * `data.oordeel` by the engine's own oordeelUitData.
   */
  function volgensRegels(def: Definitie, rijen: Rij[]): Kolommen {
    const k: Kolommen = { categorie: null, oorzaak: null, afdoening: null, oordeel: null, tevredenheid: null, maatregelen: [] };
    for (const r of rijen) {
      const { waarden, fouten } = registratieVanGebeurtenis(def, r.type, r.payload);
      // Only what the engine accepts is in a history.
      expect([r.type, fouten]).toEqual([r.type, []]);
      Object.assign(k, registratieKolommen(waarden));
      const oordeel = oordeelUitData(r.payload);
      if (oordeel !== undefined) k.oordeel = oordeel;
    }
    return k;
  }

  /** Every history the rules understand, for one definition: each value of each list, each event that registers by its type. */
  function gevallen(def: Definitie): Array<{ naam: string; rijen: Rij[] }> {
    const lijsten = registratieLijsten(def);
    const uit: Array<{ naam: string; rijen: Rij[] }> = [];
    const stap = (registratie: Record<string, unknown>): Rij => ({ type: 'IN_BEHANDELING_NEMEN', payload: { registratie } });
    for (const veld of REGISTRATIE_VELDEN)
      for (const w of lijsten[veld]) uit.push({ naam: `${veld} ${w}`, rijen: [stap({ [veld]: veld === 'maatregelen' ? [w] : w })] });
    if (lijsten.maatregelen.length >= 2) {
      const [a, b] = lijsten.maatregelen;
      // A step's history keeps its data as sent; the column has each maatregel once, in the order first given.
      uit.push({ naam: 'maatregelen twice in one step', rijen: [stap({ maatregelen: [b, a, b] })] });
      uit.push({ naam: 'maatregelen emptied', rijen: [stap({ maatregelen: [a] }), stap({ maatregelen: [] })] });
    }
    for (const [type, waarde] of Object.entries(TEVREDENHEID_VAN_GEBEURTENIS)) {
      uit.push({ naam: type, rijen: [{ type, payload: {} }] });
      if (lijsten.tevredenheid.includes(waarde))
        uit.push({ naam: `${type} with its own tevredenheid`, rijen: [{ type, payload: { registratie: { tevredenheid: waarde } } }] });
    }
    for (const termijn of new Set([...Object.keys(def.termijnen ?? {}), ...VERLOPEN_ZONDER_REACTIE_KLAGER]))
      uit.push({ naam: `TERMIJN_VERLOPEN ${termijn}`, rijen: [{ type: 'TERMIJN_VERLOPEN', payload: { termijn } }] });
    for (const oordeel of [...OORDELEN, 'gedeeltelijk'])
      uit.push({ naam: `oordeel ${oordeel}`, rijen: [{ type: 'AFDOENEN', payload: { oordeel } }] });
    const eerste = Object.fromEntries(
      REGISTRATIE_VELDEN.filter((v) => lijsten[v].length > 0).map((v) => [v, v === 'maatregelen' ? [lijsten[v][0]] : lijsten[v][0]]),
    );
    const laatste = Object.fromEntries(
      REGISTRATIE_VELDEN.filter((v) => lijsten[v].length > 0).map((v) => [
        v,
        v === 'maatregelen' ? [lijsten[v].at(-1)] : lijsten[v].at(-1),
      ]),
    );
    uit.push({
      naam: 'a life: intake, a change, the klager satisfied, the wait passing, a step without registration',
      rijen: [
        { type: 'KLACHT_ONTVANGEN', payload: { gemeente: def.gemeente.cbsCode, kanaal: 'brief', registratie: eerste } },
        { type: 'REGISTRATIE_GEWIJZIGD', payload: { registratie: laatste } },
        { type: 'AFDOENEN', payload: { oordeel: 'deelsGegrond' } },
        { type: 'KLAGER_ONTEVREDEN', payload: {} },
        ...VERLOPEN_ZONDER_REACTIE_KLAGER.map((termijn) => ({ type: 'TERMIJN_VERLOPEN', payload: { termijn } })),
        { type: 'HERVATTEN', payload: {} },
      ],
    });
    return uit;
  }

  /** A klacht of this definition with these history rows only (the template's row, another id), one minute apart. */
  async function klachtMet(def: { id: string; definitie: Definitie }, rijen: Rij[]): Promise<string> {
    const id = randomUUID();
    // Every column but the generated ones (eind_state: PostgreSQL keeps it and refuses a value for it).
    const [{ kolommen }] = await sqlOp<{ kolommen: string }>(
      db.url,
      `SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) AS kolommen FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = 'klacht' AND is_generated = 'NEVER'`,
    );
    await sqlOp(
      db.url,
      `INSERT INTO klacht (${kolommen}) SELECT ${kolommen} FROM jsonb_populate_record((SELECT k FROM klacht k WHERE k.id = $1),
         jsonb_build_object('id', $2::uuid, 'definitie_id', $3::text, 'definitie_versie', $4::text))`,
      [sjabloon, id, def.id, def.definitie.versie],
    );
    for (const [i, r] of rijen.entries())
      await sqlOp(
        db.url,
        `INSERT INTO klacht_gebeurtenis (klacht_id, type, van_state, naar_state, actor, at, payload, accepted)
         VALUES ($1, $2, 'x', 'x', 'test', $3, $4::jsonb, true)`,
        [id, r.type, new Date(Date.UTC(2026, 0, 5, 10, i)), JSON.stringify(r.payload)],
      );
    return id;
  }

  const volgensSql = async (id: string): Promise<Kolommen> =>
    (
      await sqlOp<Kolommen>(
        db.url,
        `SELECT r.categorie, r.oorzaak, r.afdoening, r.oordeel, r.tevredenheid, r.maatregelen
         FROM klacht k CROSS JOIN LATERAL ${registratieSql('k', '$2::timestamptz', '$3::jsonb')} r WHERE k.id = $1`,
        [id, NA_ALLES, JSON.stringify(tevredenheidPerDefinitie(definities))],
      )
    )[0];

  it('every definition in definitions/ is checked', () => {
    expect(definities.map((d) => d.id)).toEqual(expect.arrayContaining(['gm0363-amsterdam', 'gm1904-stichtse-vecht']));
  });

  it.each(loadAndValidate(['definitions']).definities.map((d) => [`${d.id} ${d.definitie.versie}`, d.id, d.definitie.versie] as const))(
    'Awb 9:12a and the stored reports: for every history value registratie.ts understands in %s, registratieSql gives the columns the engine writes',
    async (_naam, id, versie) => {
      const def = definities.find((d) => d.id === id && d.definitie.versie === versie)!;
      const verschillen: Array<{ naam: string; regels: Kolommen; sql: Kolommen }> = [];
      for (const g of gevallen(def.definitie)) {
        const regels = volgensRegels(def.definitie, g.rijen);
        const sql = await volgensSql(await klachtMet(def, g.rijen));
        if (JSON.stringify(sql) !== JSON.stringify(regels)) verschillen.push({ naam: g.naam, regels, sql });
      }
      expect(verschillen).toEqual([]);
    },
  );

  it('Awb 9:12a: a klacht the engine registered through the API reads the same from its history as from its columns', async () => {
    const auth = { Authorization: await bearer(t.app, SV, 'klachtbehandelaar') };
    const sv = definities.find((d) => d.id === 'gm1904-stichtse-vecht')!;
    const lijsten = registratieLijsten(sv.definitie);
    const r = await request(t.http)
      .post('/api/v1/klachten')
      .set(auth)
      .send({
        gemeente: SV,
        kanaal: 'brief',
        ontvangenOp: '2026-02-02T10:00:00+01:00',
        ingediendBij: 'gemeente',
        soort: 'klacht',
        onderwerp: 'bejegening door een consulent',
        aanbieders: [],
        feiten: {},
        registratie: { aard: lijsten.aard[0], maatregelen: [lijsten.maatregelen[1], lijsten.maatregelen[0], lijsten.maatregelen[1]] },
      });
    expect([r.status, r.body.detail]).toEqual([201, undefined]);
    const id = r.body.id as string;
    const stap = await request(t.http)
      .post(`/api/v1/klachten/${id}/gebeurtenissen`)
      .set(auth)
      .send({
        type: 'FORMELE_BEHANDELING',
        at: '2026-02-03T10:00:00+01:00',
        data: { registratie: { oorzaak: lijsten.oorzaak[1], maatregelen: [lijsten.maatregelen[2], lijsten.maatregelen[2]] } },
      });
    expect([stap.status, stap.body.detail]).toEqual([200, undefined]);
    const patch = await request(t.http)
      .patch(`/api/v1/klachten/${id}/registratie`)
      .set(auth)
      .send({ afwikkeling: lijsten.afwikkeling[0], at: '2026-02-04T10:00:00+01:00' });
    expect([patch.status, patch.body.detail]).toEqual([200, undefined]);
    const [kolommen] = await sqlOp<Kolommen>(
      db.url,
      `SELECT r.categorie, r.oorzaak, r.afdoening, r.oordeel, r.tevredenheid, r.maatregelen
       FROM klacht k CROSS JOIN LATERAL ${registratieSql('k')} r WHERE k.id = $1`,
      [id],
    );
    expect(kolommen).toEqual(
      expect.objectContaining({ categorie: lijsten.aard[0], oorzaak: lijsten.oorzaak[1], maatregelen: [lijsten.maatregelen[2]] }),
    );
    expect(await volgensSql(id)).toEqual(kolommen);
  });
});
