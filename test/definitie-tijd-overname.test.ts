/**
 * Terugwerkende kracht after a herindeling (rechtszekerheidsbeginsel; Wet arhi art. 40: from 24 March 2022 the college
 * of Amsterdam answers for Weesp's klachten). The take-over is a fact from its day on, whichever version of Amsterdam's
 * regeling records it (gemeente.neemtOver in 2015-01): a later version that does not repeat it still governs Weesp's
 * klachten (registry forGemeente). So a version from a past day that leaves neemtOver out works back over the Weesp
 * klachten of those days too, and the approver (4-ogen, Uitgangspunten klachtenmanagement Sociaal Domein §1D) must see them.
 */
import request from 'supertest';
import { KLOK, vasteKlok } from '../src/common/klok';
import { ApiSleutelService } from '../src/modules/auth/api-sleutel.service';
import { EngineService } from '../src/modules/engine/engine.service';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from './support';
import { amsterdamVersie } from './support/amsterdam-versie';

describe('terugwerkende kracht of a version that does not repeat the take-over', () => {
  let db: TestDatabase;
  let t: TestApp;
  let sanne: string;
  let behandelaar: string;

  beforeAll(async () => {
    db = await createTestDatabase('definitie_tijd_overname');
    t = await createTestApp({
      databaseUrl: db.url,
      env: { ROLE: 'api' },
      override: (b) => b.overrideProvider(KLOK).useValue(vasteKlok(new Date('2026-09-15T08:00:00Z'))),
    });
    const sleutel = async (naam: string, rol: 'beleidsmedewerker' | 'klachtbehandelaar') =>
      `Bearer ${(await t.app.get(ApiSleutelService).maak({ gemeente: 'GM0363', rol, naam, medewerker: naam })).sleutel}`;
    sanne = await sleutel('Sanne Jansen', 'beleidsmedewerker');
    behandelaar = await sleutel('Fatima de Vries', 'klachtbehandelaar');
    const engine = t.app.get(EngineService);
    for (const [gemeente, op] of [
      ['GM0363', '2026-09-06T10:00:00+02:00'],
      ['GM0457', '2026-09-05T10:00:00+02:00'],
    ] as const)
      await engine.create(
        {
          gemeente,
          kanaal: 'brief',
          ontvangenOp: op,
          ingediendBij: 'gemeente',
          soort: 'klacht',
          onderwerp: gemeente,
          aanbieders: [],
          feiten: {},
        },
        { actor: 'kcc' },
      );
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it("Wet arhi art. 40, rechtszekerheid: the Weesp klachten of the past days count though the new version's neemtOver leaves Weesp out", async () => {
    const yaml = amsterdamVersie('2026-31', '2026-09-04').replace(/^ {2}neemtOver:\n(?: {4,}.*\n)+/m, '');
    expect(yaml).not.toMatch(/neemtOver/);
    const r = await request(t.http).post('/api/v1/definities/validaties').set('Authorization', sanne).send({ yaml });
    expect([r.body.geldig, r.body.fouten]).toEqual([true, []]);
    expect(r.body.waarschuwingen).toEqual([
      expect.objectContaining({
        tekst: expect.stringMatching(/2 klachten van de gemeente, ontvangen in die dagen, blijven op versie 2015-01/),
      }),
    ]);
    const v = await request(t.http).post('/api/v1/definities/gm0363-amsterdam/voorstellen').set('Authorization', sanne).send({ yaml });
    expect(v.status).toBe(201);
    expect(v.body.terugwerkendeKracht).toEqual(expect.objectContaining({ van: '2026-09-04', tot: '2026-09-14', dagen: 11, klachten: 2 }));
    // Weesp's klachten of those days would indeed follow it (the registry reads the take-over from 2015-01).
    const weesp = await request(t.http).get('/api/v1/intake-vragen?op=2026-09-05').set('Authorization', behandelaar);
    expect(weesp.body.definitie).toEqual({ id: 'gm0363-amsterdam', versie: '2015-01' });
  });
});
