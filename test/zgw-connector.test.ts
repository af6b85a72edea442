import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { runCli, type CliIo } from '../src/cli/main';
import { zgwOpdracht } from '../src/cli/commands/zgw';
import type { ZgwAfleveringService } from '../src/modules/zgw/zgw-aflevering.service';
import { ZgwZaakEntity } from '../src/modules/zgw/zgw-zaak.entity';
import { TermijnEntity } from '../src/modules/termijnen/termijn.entity';
import { zaakIdentificatie } from '../src/zgw-mapping';
import { bearer } from './auth-support';
import type { EngineApp } from './support/engine-harness';
import { zgwAmsterdam, type ZgwAmsterdam } from './support/zgw-amsterdam';
import { nieuweZaaktypeVersie, RSIN_AMSTERDAM, type KlachtCatalogus } from './support/zgw-catalogus';
import type { ZgwMock } from './support/zgw-mock';

/**
 * The ZGW connector (issue 16) against the validating mock of the VNG Zaken 1.5.1, Catalogi 1.3.1 and
 * Documenten 1.5.0 APIs (test/support/zgw-mock.ts): every request it makes must pass the official
 * schemas, and the register must end up with exactly the zaak the klacht describes.
 * Amsterdam, gemeente route ("Klachtenprotocol Wmo keten" §5B, §6; Awb 9:10, 9:11 lid 2, 9:12),
 * the same course as scenarios/gm0363-amsterdam/klachtenprotocol-wmo-keten.yaml. An API-only process
 * (no termijn worker), so the past dates of the scenario fire nothing; the test runs the delivery
 * itself, as the `zgw` queue's processor does.
 */
let z: ZgwAmsterdam;
let mock: ZgwMock;
let cat: KlachtCatalogus;
let app: EngineApp;
let zgw: ZgwAfleveringService;
let definities: string;

beforeAll(async () => {
  z = await zgwAmsterdam('zgw_connector', {
    voorbereiden: ({ dir }) => {
      // A copy of the definitions, so a test can change a koppeling for a while (the connector reads it on every run).
      definities = join(dir, 'definitions');
      cpSync(join(__dirname, '..', 'definitions'), definities, { recursive: true });
      return { DEFINITIONS_DIR: definities };
    },
  });
  ({ mock, cat, app, zgw } = z);
});

afterAll(async () => {
  await z?.close();
});

const intake = (onderwerp: string) => ({
  gemeente: 'GM0363',
  kanaal: 'email' as const,
  ontvangenOp: '2026-03-02T09:00:00Z',
  ingediendBij: 'gemeente' as const,
  soort: 'klacht' as const,
  onderwerp,
  aanbieders: [],
  feiten: { gerichtAan: 'gemeente' },
});

/** Klachtenprotocol Wmo keten §5A: one ketenpartner, not complex, not there before: forwarded to it. */
const doorgestuurd = (onderwerp: string) => ({
  ...intake(onderwerp),
  aanbieders: [{ id: 'thuiszorg-noord', naam: 'Thuiszorg Noord', type: 'wmo' as const }],
  feiten: { aantalAanbieders: 1, complex: false, eerderBijAanbieder: false, overBejegening: false },
});

async function stap(id: string, type: string, dag: string, data?: Record<string, unknown>): Promise<void> {
  await app.engine.apply(id, { type, at: `${dag}T10:00:00Z`, ...(data ? { data } : {}) }, { actor: 'behandelaar' });
  await app.relay.idle();
}

const lever = (id: string) => z.lever(id);

/** A delivery that must succeed; otherwise the failure as the dead-letter view shows it. */
const leverOk = (id: string) => z.leverOk(id);

/** The klager's year for the ombudsman passes unused (Awb 9:24 lid 1): the klacht is afgesloten, the zaak gets its eindstatus. */
async function jaarVerstreken(id: string): Promise<void> {
  const jaar = await app.db.getRepository(TermijnEntity).findOneByOrFail({ klachtId: id, naam: 'tweedeLijnVerzoek', status: 'lopend' });
  const naAfloop = new Date(Date.parse(`${jaar.vervaldatum}T23:00:05Z`) + 3600_000);
  expect(await app.wake.verval({ klachtId: id, termijnNaam: 'tweedeLijnVerzoek', revision: jaar.revision, kind: 'verval' }, naAfloop)).toBe(
    'verwerkt',
  );
  await app.relay.idle();
}

const zakenVan = (klachtId: string) => mock.lijst('zaken', '/zaken').filter((z) => z.identificatie === zaakIdentificatie(klachtId));
const vanZaak = (pad: string, zaak: Record<string, unknown>) => mock.lijst('zaken', pad).filter((x) => x.zaak === zaak.url);

describe('ZGW connector against the validating mock', () => {
  it('Awb 9:11 lid 2 and 9:12, Zaken API 1.5.1: a whole Amsterdam klacht (intake, verdaging, afdoening) becomes one zaak with its statuses, rollen, klaagschrift and resultaat, with only valid requests', async () => {
    const geweigerdVoor = mock.geweigerd.length;
    const { klacht } = await app.engine.create(intake('Geen reactie van het wijkteam'), { actor: 'kcc' });
    await app.relay.idle();
    await leverOk(klacht.id);

    const [zaak] = zakenVan(klacht.id);
    expect(zaak).toMatchObject({
      bronorganisatie: RSIN_AMSTERDAM,
      verantwoordelijkeOrganisatie: RSIN_AMSTERDAM,
      zaaktype: cat.zaaktype,
      startdatum: '2026-03-02',
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
    });
    // uiterlijkeEinddatumAfdoening is the afhandeltermijn as the engine computed it (Awb 9:11, Atw).
    const afhandeling = () =>
      app.db.getRepository(TermijnEntity).findOneByOrFail({ klachtId: klacht.id, naam: 'afhandeling', status: 'lopend' });
    expect(zaak.uiterlijkeEinddatumAfdoening).toBe((await afhandeling()).vervaldatum);
    expect((await app.db.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId: klacht.id })).zaakUrl).toBe(zaak.url);

    await stap(klacht.id, 'FORMELE_BEHANDELING', '2026-03-03');
    await stap(klacht.id, 'IN_BEHANDELING_NEMEN', '2026-03-05');
    await stap(klacht.id, 'HOREN_UITNODIGEN', '2026-03-10');
    await leverOk(klacht.id);
    await stap(klacht.id, 'VERDAGEN', '2026-04-08', { termijn: 'afhandeling', duur: 'P4W', reden: 'hoorzitting pas half april mogelijk' });
    await leverOk(klacht.id);
    // Awb 9:11 lid 2: verdaagd met vier weken; the zaak follows, with the verdaging as verlenging.
    const verdaagd = mock.verzameling('zaken', '/zaken').get(String(zaak.uuid))!;
    expect(verdaagd.uiterlijkeEinddatumAfdoening).toBe('2026-05-11');
    expect(verdaagd.uiterlijkeEinddatumAfdoening).toBe((await afhandeling()).vervaldatum);
    expect(verdaagd.verlenging).toEqual({ duur: 'P4W', reden: 'hoorzitting pas half april mogelijk' });

    await stap(klacht.id, 'HOORZITTING_GEHOUDEN', '2026-04-15');
    await stap(klacht.id, 'VERSLAG_VASTGESTELD', '2026-04-20');
    await stap(klacht.id, 'AFDOENEN', '2026-05-06', { oordeel: 'deelsGegrond' });
    await stap(klacht.id, 'KLAGER_TEVREDEN', '2026-05-12');
    await leverOk(klacht.id);

    expect(zakenVan(klacht.id)).toHaveLength(1);
    const statussen = vanZaak('/statussen', zaak);
    expect(statussen.map((s) => [s.statustype, s.datumStatusGezet])).toEqual([
      [cat.statustypen['Ontvangen'], '2026-03-02T09:00:00.000Z'],
      [cat.statustypen['In behandeling'], '2026-03-03T10:00:00.000Z'],
      [cat.statustypen['Afgehandeld'], '2026-05-06T10:00:00.000Z'],
    ]);
    expect(vanZaak('/rollen', zaak).map((r) => [r.roltype, r.betrokkeneType])).toEqual([
      [cat.roltypen.klager, 'natuurlijk_persoon'],
      [cat.roltypen.behandelaar, 'organisatorische_eenheid'],
    ]);
    // Awb 9:12 lid 1: the oordeel decides the resultaat (and with it the archiving of the zaak), set with the eindstatus
    // once the klager's year for the ombudsman has passed.
    expect(vanZaak('/resultaten', zaak)).toEqual([]);
    await jaarVerstreken(klacht.id);
    await leverOk(klacht.id);
    expect(vanZaak('/statussen', zaak).at(-1)!.statustype).toBe(cat.statustypen['Afgesloten']);
    expect(vanZaak('/resultaten', zaak).map((r) => r.resultaattype)).toEqual([cat.resultaattypen['Deels gegrond']]);
    const [zio] = vanZaak('/zaakinformatieobjecten', zaak);
    const eio = mock.lijst('documenten', '/enkelvoudiginformatieobjecten').find((d) => d.url === zio.informatieobject)!;
    expect(eio).toMatchObject({
      bronorganisatie: RSIN_AMSTERDAM,
      informatieobjecttype: cat.informatieobjecttype,
      vertrouwelijkheidaanduiding: 'vertrouwelijk',
    });
    expect(mock.inhoud.get(String(eio.uuid))!.toString('utf8')).toContain('Geen reactie van het wijkteam');

    expect(mock.geweigerd.slice(geweigerdVoor)).toEqual([]);
  });

  it('idempotent create: the register made the zaak but its answer was lost; the retry finds it by identificatie and makes no second zaak', async () => {
    const { klacht } = await app.engine.create(intake('Verbinding weg na het aanmaken'), { actor: 'kcc' });
    await app.relay.idle();
    mock.verbreekNa = (v) => v.methode === 'POST' && v.pad === '/zaken';
    expect(await lever(klacht.id)).toBe('mislukt');
    expect(zakenVan(klacht.id)).toHaveLength(1);
    const rij = await app.db.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId: klacht.id });
    expect([rij.status, rij.attempts, rij.zaakUrl]).toEqual(['wachtend', 1, null]);

    await app.db.getRepository(ZgwZaakEntity).update({ klachtId: klacht.id }, { nextAttemptAt: new Date(0) });
    await leverOk(klacht.id);
    const zaken = zakenVan(klacht.id);
    expect(zaken).toHaveLength(1);
    expect((await app.db.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId: klacht.id })).zaakUrl).toBe(zaken[0].url);
    expect(vanZaak('/statussen', zaken[0])).toHaveLength(1);
    expect(vanZaak('/rollen', zaken[0])).toHaveLength(2);
  });

  it('one run per klacht at a time: two processes delivering the same klacht at once make one zaak, one set of statuses', async () => {
    const { klacht } = await app.engine.create(intake('Twee workers tegelijk'), { actor: 'kcc' });
    await stap(klacht.id, 'FORMELE_BEHANDELING', '2026-03-03');
    const uitkomsten = await Promise.all([zgw.lever(klacht.id), zgw.lever(klacht.id)]);
    expect(uitkomsten.filter((u) => u === 'afgeleverd')).toHaveLength(1);
    const zaken = zakenVan(klacht.id);
    expect(zaken).toHaveLength(1);
    expect(vanZaak('/statussen', zaken[0]).map((s) => s.statustype)).toEqual([
      cat.statustypen['Ontvangen'],
      cat.statustypen['In behandeling'],
    ]);
    expect(vanZaak('/rollen', zaken[0])).toHaveLength(2);
  });

  it('a change committed while a run talks to the register is not lost: the run records only what it delivered, the change stays due and reaches the register next', async () => {
    const { klacht } = await app.engine.create(intake('Wijziging tijdens de aflevering'), { actor: 'kcc' });
    await app.relay.idle();
    // During the run's first call to the register the behandelaar starts the formal handling: the outbox marks the
    // zaak as due again (one generatie more) while the run, which read the klacht before, is still under way.
    let gedaan = false;
    mock.voorVerzoek = async () => {
      if (gedaan) return;
      gedaan = true;
      await stap(klacht.id, 'FORMELE_BEHANDELING', '2026-03-03');
    };
    try {
      expect(await zgw.lever(klacht.id)).toBe('afgeleverd');
    } finally {
      mock.voorVerzoek = undefined;
    }
    expect(gedaan).toBe(true);
    const rij = await app.db.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId: klacht.id });
    expect(rij.status).toBe('wachtend');
    expect(rij.afgeleverdGeneratie).toBeLessThan(rij.generatie);
    expect((await zgw.teDoen()).map((d) => d.klachtId)).toContain(klacht.id);
    const [zaak] = zakenVan(klacht.id);
    expect(vanZaak('/statussen', zaak).map((s) => s.statustype)).toEqual([cat.statustypen['Ontvangen']]);
    // The next run (the one planned after this run, or the sweep's) delivers the change.
    await leverOk(klacht.id);
    expect(vanZaak('/statussen', zaak).map((s) => s.statustype)).toEqual([cat.statustypen['Ontvangen'], cat.statustypen['In behandeling']]);
    expect(await app.db.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId: klacht.id })).toMatchObject({ status: 'afgeleverd' });
  });

  it('the register down mid-run: after it comes back every zaak, status and resultaat arrives exactly once; past ZGW_MAX_POGINGEN a delivery is vastgelopen (dead letter) until put back', async () => {
    const { klacht } = await app.engine.create(intake('Register even weg'), { actor: 'kcc' });
    await stap(klacht.id, 'FORMELE_BEHANDELING', '2026-03-03');
    // The register goes down while the connector adds the first rol (the zaak exists by then).
    mock.verbreekNa = (v) => {
      if (v.methode !== 'POST' || v.pad !== '/rollen') return false;
      void mock.stop();
      return true;
    };
    const eerste = await lever(klacht.id);
    await mock.stop();
    expect(eerste).toBe('mislukt');
    const rij = () => app.db.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId: klacht.id });
    // Still down: the next attempts fail too, and the third (ZGW_MAX_POGINGEN=3) sends it to the dead-letter list.
    for (const verwacht of ['mislukt', 'vastgelopen']) {
      await app.db.getRepository(ZgwZaakEntity).update({ klachtId: klacht.id }, { nextAttemptAt: new Date(0) });
      expect(await lever(klacht.id)).toBe(verwacht);
    }
    // The dead-letter view of the gemeente's beheerder (and of no other gemeente).
    const beheerder = await bearer(app.app, 'GM0363', 'beheerder');
    const lijst = await request(app.http).get('/api/v1/zgw-afleveringen?status=vastgelopen').set('Authorization', beheerder).expect(200);
    expect(lijst.body.resultaten).toEqual([
      expect.objectContaining({
        klachtId: klacht.id,
        status: 'vastgelopen',
        pogingen: 3,
        laatsteFout: expect.stringMatching(/geen antwoord/),
      }),
    ]);
    const ander = await request(app.http)
      .get('/api/v1/zgw-afleveringen?status=vastgelopen')
      .set('Authorization', await bearer(app.app, 'GM1904', 'beheerder'))
      .expect(200);
    expect(ander.body.resultaten).toEqual([]);

    await mock.start();
    const weer = await request(app.http).post(`/api/v1/zgw-afleveringen/${klacht.id}/opnieuw`).set('Authorization', beheerder).expect(202);
    expect(weer.body).toMatchObject({ status: 'wachtend', pogingen: 0 });
    await stap(klacht.id, 'IN_BEHANDELING_NEMEN', '2026-03-05');
    await stap(klacht.id, 'HOREN_OVERSLAAN', '2026-03-06', { reden: 'afgezien' });
    await stap(klacht.id, 'AFDOENEN', '2026-03-20', { oordeel: 'gegrond' });
    await stap(klacht.id, 'KLAGER_TEVREDEN', '2026-03-27');
    await jaarVerstreken(klacht.id);
    await leverOk(klacht.id);
    const zaken = zakenVan(klacht.id);
    expect(zaken).toHaveLength(1);
    expect(vanZaak('/statussen', zaken[0]).map((s) => s.statustype)).toEqual([
      cat.statustypen['Ontvangen'],
      cat.statustypen['In behandeling'],
      cat.statustypen['Afgehandeld'],
      cat.statustypen['Afgesloten'],
    ]);
    expect(vanZaak('/resultaten', zaken[0]).map((r) => r.resultaattype)).toEqual([cat.resultaattypen['Gegrond']]);
    expect(vanZaak('/rollen', zaken[0])).toHaveLength(2);
    expect(vanZaak('/zaakinformatieobjecten', zaken[0])).toHaveLength(1);
    expect((await rij()).status).toBe('afgeleverd');
  });

  it('zgw reconcile: a status missing from the register and a wrong uiterlijkeEinddatumAfdoening are repaired, and nothing is added twice', async () => {
    const { klacht } = await app.engine.create(intake('Register raakte iets kwijt'), { actor: 'kcc' });
    await stap(klacht.id, 'FORMELE_BEHANDELING', '2026-03-03');
    await leverOk(klacht.id);
    const [zaak] = zakenVan(klacht.id);
    const statussen = mock.verzameling('zaken', '/statussen');
    const weg = vanZaak('/statussen', zaak).find((s) => s.statustype === cat.statustypen['In behandeling'])!;
    statussen.delete(String(weg.uuid));
    mock.verzameling('zaken', '/zaken').get(String(zaak.uuid))!.uiterlijkeEinddatumAfdoening = '2026-12-31';

    const io = vangIo();
    expect(await zgwOpdracht(['reconcile', '--gemeente', 'GM0363', '--klacht', klacht.id], io, app.config)).toBe(0);
    const termijn = await app.db
      .getRepository(TermijnEntity)
      .findOneByOrFail({ klachtId: klacht.id, naam: 'afhandeling', status: 'lopend' });
    expect(io.uit).toEqual([
      `${klacht.id}: uiterlijkeEinddatumAfdoening 2026-12-31 -> ${termijn.vervaldatum}`,
      `${klacht.id}: status In behandeling (2026-03-03T10:00:00.000Z)`,
      '1 klachten vergeleken, 1 hersteld, 0 mislukt.',
    ]);
    expect(mock.verzameling('zaken', '/zaken').get(String(zaak.uuid))!.uiterlijkeEinddatumAfdoening).toBe(termijn.vervaldatum);
    expect(vanZaak('/statussen', zaak).map((s) => s.statustype)).toEqual([cat.statustypen['Ontvangen'], cat.statustypen['In behandeling']]);
    expect(vanZaak('/rollen', zaak)).toHaveLength(2);
    expect(zakenVan(klacht.id)).toHaveLength(1);
  });

  it("Awb 9:24 lid 1: a klacht the klager's year closed (eindstatus in the register) and a request to the ombudsman of its last day, registered after: the zaak's current status is 'Bij de ombudsman' again", async () => {
    const { klacht } = await app.engine.create(intake('Verzoek op de laatste dag'), { actor: 'kcc' });
    await stap(klacht.id, 'FORMELE_BEHANDELING', '2026-04-03');
    await stap(klacht.id, 'IN_BEHANDELING_NEMEN', '2026-04-06');
    await stap(klacht.id, 'HOREN_OVERSLAAN', '2026-04-07', { reden: 'afgezien' });
    await stap(klacht.id, 'AFDOENEN', '2026-05-12', { oordeel: 'ongegrond' });
    // Asked afterwards: not satisfied, so the klager's year for the ombudsman runs (Awb 9:24 lid 1).
    await stap(klacht.id, 'KLAGER_ONTEVREDEN', '2026-05-20');
    const jaar = await app.db.getRepository(TermijnEntity).findOneByOrFail({ klachtId: klacht.id, naam: 'tweedeLijnVerzoek' });
    expect(jaar.vervaldatum).toBe('2027-05-12');
    expect(
      await app.wake.verval(
        { klachtId: klacht.id, termijnNaam: 'tweedeLijnVerzoek', revision: jaar.revision, kind: 'verval' },
        new Date('2027-05-13T00:00:05+02:00'),
      ),
    ).toBe('verwerkt');
    await leverOk(klacht.id);
    const [zaak] = zakenVan(klacht.id);
    const huidige = () =>
      [...vanZaak('/statussen', zaak)]
        .sort((a, b) => Date.parse(String(a.datumStatusGezet)) - Date.parse(String(b.datumStatusGezet)))
        .at(-1)!.statustype;
    expect(huidige()).toBe(cat.statustypen['Afgesloten']);

    await app.engine.apply(klacht.id, { type: 'VERZOEK_OMBUDSMAN', at: '2027-05-12T15:00:00+02:00' }, { actor: 'kcc' });
    await leverOk(klacht.id);
    expect(huidige()).toBe(cat.statustypen['Bij de ombudsman']);
    // Nothing twice on the next run.
    const aantal = vanZaak('/statussen', zaak).length;
    await app.db.getRepository(ZgwZaakEntity).update({ klachtId: klacht.id }, { status: 'wachtend' });
    await leverOk(klacht.id);
    expect(vanZaak('/statussen', zaak)).toHaveLength(aantal);
  });

  it('Zaken API 1.5.1 status_create: an eindstatus only after every document of the zaak has indicatieGebruiksrecht; the klaagschrift is made with it', async () => {
    const geweigerdVoor = mock.geweigerd.length;
    const { klacht } = await app.engine.create(intake('Ingetrokken na een telefoontje'), { actor: 'kcc' });
    await leverOk(klacht.id);
    await stap(klacht.id, 'KLACHT_INGETROKKEN', '2026-03-04');
    await leverOk(klacht.id);
    const [zaak] = zakenVan(klacht.id);
    expect(vanZaak('/statussen', zaak).map((s) => s.statustype)).toEqual([cat.statustypen['Ontvangen'], cat.statustypen['Afgesloten']]);
    // The eindstatus closed the zaak.
    expect(mock.verzameling('zaken', '/zaken').get(String(zaak.uuid))!.einddatum).toBe('2026-03-04');
    const [zio] = vanZaak('/zaakinformatieobjecten', zaak);
    const eio = mock.lijst('documenten', '/enkelvoudiginformatieobjecten').find((d) => d.url === zio.informatieobject)!;
    // Made with it: no later change (a new version) was needed.
    expect([eio.indicatieGebruiksrecht, eio.locked, eio.versie]).toEqual([false, false, 1]);
    expect(mock.geweigerd.slice(geweigerdVoor)).toEqual([]);
  });

  it('Documenten API 1.5.0: a klaagschrift made earlier without indicatieGebruiksrecht gets it under a lock (lock, PATCH, unlock) before the eindstatus', async () => {
    const geweigerdVoor = mock.geweigerd.length;
    const { klacht } = await app.engine.create(intake('Klaagschrift van een eerdere versie'), { actor: 'kcc' });
    await leverOk(klacht.id);
    const [zaak] = zakenVan(klacht.id);
    const [zio] = vanZaak('/zaakinformatieobjecten', zaak);
    const documenten = mock.verzameling('documenten', '/enkelvoudiginformatieobjecten');
    const uuid = String(zio.informatieobject).split('/').pop()!;
    // As a Klachtregie before this field was sent made it: indicatieGebruiksrecht null ("nog niet bekend").
    documenten.get(uuid)!.indicatieGebruiksrecht = null;
    const verzoekenVoor = mock.verzoeken.length;
    await stap(klacht.id, 'KLACHT_INGETROKKEN', '2026-03-04');
    await leverOk(klacht.id);
    expect(
      mock.verzoeken
        .slice(verzoekenVoor)
        .filter((v) => v.api === 'documenten' && v.methode !== 'GET')
        .map((v) => [v.operationId, v.status]),
    ).toEqual([
      ['enkelvoudiginformatieobject_lock', 200],
      ['enkelvoudiginformatieobject_partial_update', 200],
      ['enkelvoudiginformatieobject_unlock', 204],
    ]);
    expect(documenten.get(uuid)).toMatchObject({ indicatieGebruiksrecht: false, locked: false, versie: 2 });
    expect(vanZaak('/statussen', zaak).map((s) => s.statustype)).toContain(cat.statustypen['Afgesloten']);
    expect(mock.geweigerd.slice(geweigerdVoor)).toEqual([]);
  });

  it('Zaken API 1.5.1 resultaat_partial_update: the resultaattype may not change, so the resultaat comes with the eindstatus, not while the klacht is handled', async () => {
    const geweigerdVoor = mock.geweigerd.length;
    // Forwarded to the ketenpartner; the gemeente registers that as its afwikkeling, which maps to the resultaattype
    // Doorgestuurd.
    const { klacht } = await app.engine.create(
      doorgestuurd('Hulp bij het huishouden kwam niet'),
      { actor: 'kcc' },
      {
        afwikkeling: 'doorgestuurd naar ketenpartner',
      },
    );
    await leverOk(klacht.id);
    const [zaak] = zakenVan(klacht.id);
    // The ketenpartner judges it gegrond: the oordeel decides the resultaattype now (Awb 9:12 lid 1).
    await stap(klacht.id, 'CONTACT_OPGENOMEN', '2026-03-04');
    await stap(klacht.id, 'AFDOENEN', '2026-03-30', { oordeel: 'gegrond' });
    await leverOk(klacht.id);
    // No resultaat while the zaak is open: one sent earlier could not follow the oordeel.
    expect(vanZaak('/resultaten', zaak)).toEqual([]);
    const verzoekenVoor = mock.verzoeken.length;
    await stap(klacht.id, 'KLAGER_TEVREDEN', '2026-04-03');
    await leverOk(klacht.id);
    // Just before the eindstatus, the resultaat of how the klacht ended.
    expect(
      mock.verzoeken
        .slice(verzoekenVoor)
        .filter((v) => v.methode !== 'GET')
        .map((v) => v.operationId),
    ).toEqual(['resultaat_create', 'status_create']);
    expect(vanZaak('/resultaten', zaak).map((r) => r.resultaattype)).toEqual([cat.resultaattypen['Gegrond']]);
    expect(vanZaak('/statussen', zaak).at(-1)!.statustype).toBe(cat.statustypen['Afgesloten']);
    expect(mock.geweigerd.slice(geweigerdVoor)).toEqual([]);
  });

  it('Zaken API 1.5.1: a resultaat that differs after the zaak was closed (a registratie changed since) is deleted and made again by zgw reconcile, as its resultaattype may not change', async () => {
    const { klacht } = await app.engine.create(intake('Ingetrokken, later geregistreerd'), { actor: 'kcc' });
    await stap(klacht.id, 'KLACHT_INGETROKKEN', '2026-03-04');
    await leverOk(klacht.id);
    const [zaak] = zakenVan(klacht.id);
    expect(vanZaak('/resultaten', zaak).map((r) => r.resultaattype)).toEqual([cat.resultaattypen['Niet behandeld']]);
    // The behandelaar registers the afwikkeling afterwards; that alone plans no delivery (docs/zgw.md §5).
    await app.engine.registreer(klacht.id, { afwikkeling: 'doorgestuurd naar ketenpartner' }, '2026-03-10T10:00:00Z', {
      actor: 'behandelaar',
    });
    const geweigerdVoor = mock.geweigerd.length;
    const verzoekenVoor = mock.verzoeken.length;
    const io = vangIo();
    expect(await zgwOpdracht(['reconcile', '--gemeente', 'GM0363', '--klacht', klacht.id], io, app.config)).toBe(0);
    expect(io.uit).toEqual([`${klacht.id}: resultaat gewijzigd in Doorgestuurd`, '1 klachten vergeleken, 1 hersteld, 0 mislukt.']);
    expect(
      mock.verzoeken
        .slice(verzoekenVoor)
        .filter((v) => v.methode !== 'GET')
        .map((v) => v.operationId),
    ).toEqual(['resultaat_destroy', 'resultaat_create']);
    expect(vanZaak('/resultaten', zaak).map((r) => r.resultaattype)).toEqual([cat.resultaattypen['Doorgestuurd']]);
    expect(mock.geweigerd.slice(geweigerdVoor)).toEqual([]);
  });

  it("Zaken API 1.5.1 status_create: an eindstatus only with a resultaat: a klacht the ketenpartner resolved to the klager's satisfaction, without an oordeel, closes with the resultaat of its afwikkeling, else of its eindstap", async () => {
    const geweigerdVoor = mock.geweigerd.length;
    const resultaatVan = async (onderwerp: string, registratie?: Record<string, unknown>) => {
      const { klacht } = await app.engine.create(doorgestuurd(onderwerp), { actor: 'kcc' });
      await stap(klacht.id, 'CONTACT_OPGENOMEN', '2026-03-04');
      // Klachtenprotocol Wmo keten §6: the klager is satisfied; the ketenpartner gave no oordeel.
      await stap(klacht.id, 'KLAGER_TEVREDEN', '2026-03-12', registratie ? { registratie } : undefined);
      await leverOk(klacht.id);
      const [zaak] = zakenVan(klacht.id);
      expect(vanZaak('/statussen', zaak).at(-1)!.statustype).toBe(cat.statustypen['Afgesloten']);
      return vanZaak('/resultaten', zaak).map((r) => r.resultaattype);
    };
    expect(await resultaatVan('Opgelost in een gesprek', { afwikkeling: 'opgelost met klager' })).toEqual([
      cat.resultaattypen['Informeel opgelost'],
    ]);
    expect(await resultaatVan('Zonder afwikkeling geregistreerd')).toEqual([cat.resultaattypen['Afgehandeld']]);
    expect(mock.geweigerd.slice(geweigerdVoor)).toEqual([]);
  });

  it('an eindstatus for which the koppeling gives no resultaat is not sent: the delivery is vastgelopen at once, naming what is missing, and goes through once the koppeling is fixed', async () => {
    const bestand = join(definities, 'gm0363-amsterdam', 'zgw', '2015-01.yaml');
    const goed = readFileSync(bestand, 'utf8');
    const { klacht } = await app.engine.create(doorgestuurd('Koppeling zonder terugval'), { actor: 'kcc' });
    await stap(klacht.id, 'CONTACT_OPGENOMEN', '2026-03-04');
    await stap(klacht.id, 'KLAGER_TEVREDEN', '2026-03-12');
    const verzoekenVoor = mock.verzoeken.length;
    // A koppeling from before `klachtregie validate` checked that every eindstap gives a resultaat.
    writeFileSync(bestand, goed.replace(/^ {4}afgesloten: .*\n/m, ''));
    try {
      expect(await lever(klacht.id)).toBe('vastgelopen');
    } finally {
      writeFileSync(bestand, goed);
    }
    const rij = await app.db.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId: klacht.id });
    expect(rij).toMatchObject({ status: 'vastgelopen', attempts: 1 });
    expect(rij.lastError).toMatch(/eindstatus 'Afgesloten' zonder resultaat.*stap afgesloten.*resultaten\.stap/);
    const eindstatus = cat.statustypen['Afgesloten'];
    expect(
      mock.verzoeken
        .slice(verzoekenVoor)
        .filter((v) => v.operationId === 'status_create' && (v.body as { statustype?: string }).statustype === eindstatus),
    ).toEqual([]);

    expect(await zgw.opnieuw('GM0363', [klacht.id])).toBe(1);
    await leverOk(klacht.id);
    const [zaak] = zakenVan(klacht.id);
    expect(vanZaak('/resultaten', zaak).map((r) => r.resultaattype)).toEqual([cat.resultaattypen['Afgehandeld']]);
  });

  it('Wet arhi art. 40: a Weesp klacht becomes a zaak in the register of Amsterdam, which took Weesp over on 24 maart 2022, with the zaaktype of Amsterdam’s catalogus', async () => {
    const { klacht } = await app.engine.create(
      {
        ...intake('Bij Weesp binnengekomen'),
        gemeente: 'GM0457',
        ontvangenOp: '2022-03-01T09:00:00Z',
        feiten: { betreftGemeentelijkeFunctionaris: true },
      },
      { actor: 'kcc' },
    );
    // Delivered under Amsterdam's ZGW_CONFIG (Weesp has none: 'ZGW staat uit' before), with Weesp's koppeling
    // (definitions/gm0457-weesp/zgw), which names Amsterdam's zaaktypen.
    await leverOk(klacht.id);
    const [zaak] = zakenVan(klacht.id);
    expect(zaak).toMatchObject({ bronorganisatie: RSIN_AMSTERDAM, zaaktype: cat.zaaktype, startdatum: '2022-03-01' });
    expect(vanZaak('/statussen', zaak).map((s) => s.statustype)).toEqual([cat.statustypen['Ontvangen']]);
  });

  it('klachtregie validate --zgw-catalogus: the koppeling against the catalogus exported from the Catalogi API; an unknown statustype is refused with file:line:column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zgw-validate-'));
    const catalogus = join(dir, 'catalogus.json');
    const exportIo = vangIo();
    expect(await zgwOpdracht(['catalogus', '--gemeente', 'GM0363', '--uit', catalogus], exportIo, app.config)).toBe(0);

    const goed = vangIo();
    expect(await runCli(['validate', join(__dirname, '..', 'definitions', 'gm0363-amsterdam'), '--zgw-catalogus', catalogus], goed)).toBe(
      0,
    );
    expect(goed.uit[0]).toMatch(/zgw-koppeling tegen de catalogus \(1\)/);

    const map = join(dir, 'gm0363-amsterdam');
    mkdirSync(join(map, 'zgw'), { recursive: true });
    cpSync(join(__dirname, '..', 'definitions', 'gm0363-amsterdam', '2015-01.yaml'), join(map, '2015-01.yaml'));
    const tekst = readFileSync(join(__dirname, '..', 'definitions', 'gm0363-amsterdam', 'zgw', '2015-01.yaml'), 'utf8').replace(
      '  gemeente: In behandeling',
      '  gemeente: In behandling',
    );
    writeFileSync(join(map, 'zgw', '2015-01.yaml'), tekst);
    const regels = tekst.split('\n');
    const regel = regels.findIndex((r) => r === '  gemeente: In behandling') + 1;
    const fout = vangIo(dir);
    expect(await runCli(['validate', map, '--zgw-catalogus', catalogus], fout)).toBe(1);
    expect(fout.fout[0]).toBe(`gm0363-amsterdam/zgw/2015-01.yaml:${regel}:13: onbekend statustype 'In behandling' in zaaktype KLACHT-SD`);
    expect(fout.fout[1]).toMatch(/-> bekend: 'Ontvangen', 'In behandeling'/);

    // A zaaktype per route that the catalogus does not have.
    const perRoute = readFileSync(join(__dirname, '..', 'definitions', 'gm0363-amsterdam', 'zgw', '2015-01.yaml'), 'utf8').replace(
      'zaaktype: KLACHT-SD\n',
      'zaaktype: KLACHT-SD\nzaaktypePerRoute:\n  bijAanbieder: KLACHT-KETEN\n',
    );
    writeFileSync(join(map, 'zgw', '2015-01.yaml'), perRoute);
    const route = vangIo(dir);
    expect(await runCli(['validate', map, '--zgw-catalogus', catalogus], route)).toBe(1);
    expect(route.fout[0]).toBe(
      `gm0363-amsterdam/zgw/2015-01.yaml:${perRoute.split('\n').indexOf('  bijAanbieder: KLACHT-KETEN') + 1}:17: onbekend zaaktype 'KLACHT-KETEN' in de catalogus`,
    );
  });

  it('a klacht whose definition version has no zgw-koppeling is not recorded as afgeleverd: its delivery is vastgelopen, naming the missing koppeling, until one is there', async () => {
    const bestand = join(definities, 'gm0363-amsterdam', 'zgw', '2015-01.yaml');
    const { klacht } = await app.engine.create(intake('Regeling zonder koppeling'), { actor: 'kcc' });
    await app.relay.idle();
    renameSync(bestand, `${bestand}.weg`);
    try {
      expect(await lever(klacht.id)).toBe('vastgelopen');
    } finally {
      renameSync(`${bestand}.weg`, bestand);
    }
    const rij = await app.db.getRepository(ZgwZaakEntity).findOneByOrFail({ klachtId: klacht.id });
    expect(rij).toMatchObject({ status: 'vastgelopen', zaakUrl: null, afgeleverdOp: null });
    expect(rij.lastError).toMatch(/^geen zgw-koppeling voor gm0363-amsterdam versie 2015-01/);
    expect(zakenVan(klacht.id)).toEqual([]);
    // On the beheerder's dead-letter list, and delivered once the koppeling is there and the delivery is put back.
    const beheerder = await bearer(app.app, 'GM0363', 'beheerder');
    const lijst = await request(app.http)
      .get(`/api/v1/zgw-afleveringen?status=vastgelopen&klachtId=${klacht.id}`)
      .set('Authorization', beheerder);
    expect(lijst.body.resultaten).toEqual([expect.objectContaining({ klachtId: klacht.id, laatsteFout: rij.lastError })]);
    expect(await zgw.opnieuw('GM0363', [klacht.id])).toBe(1);
    await leverOk(klacht.id);
    expect(zakenVan(klacht.id)).toHaveLength(1);
  });

  // Last: it publishes a new version of the zaaktype, which the tests above do not expect.
  it('Catalogi API 1.3.1, Zaken API 1.5.1 status_create: after the gemeente publishes a new version of the zaaktype, an existing zaak keeps the statustypen, roltypen and resultaattypen of its own zaaktype; a new zaak gets the new version', async () => {
    const geweigerdVoor = mock.geweigerd.length;
    const { klacht } = await app.engine.create(intake('Zaak van de vorige zaaktypeversie'), { actor: 'kcc' });
    await stap(klacht.id, 'FORMELE_BEHANDELING', '2026-03-03');
    await leverOk(klacht.id);
    const [zaak] = zakenVan(klacht.id);
    expect(zaak.zaaktype).toBe(cat.zaaktype);

    const nieuw = await nieuweZaaktypeVersie(mock, cat, '2026-06-01');
    await stap(klacht.id, 'IN_BEHANDELING_NEMEN', '2026-03-05');
    await stap(klacht.id, 'HOREN_OVERSLAAN', '2026-03-06', { reden: 'afgezien' });
    await stap(klacht.id, 'AFDOENEN', '2026-03-20', { oordeel: 'gegrond' });
    await stap(klacht.id, 'KLAGER_TEVREDEN', '2026-03-27');
    await jaarVerstreken(klacht.id);
    const { klacht: later } = await app.engine.create(intake('Zaak van de nieuwe zaaktypeversie'), { actor: 'kcc' });
    await app.relay.idle();
    // A process that reads the catalogus afresh (a restart, the CLI) sees the new version.
    const io = vangIo();
    expect(await zgwOpdracht(['reconcile', '--gemeente', 'GM0363', '--klacht', klacht.id, '--klacht', later.id], io, app.config)).toBe(0);
    expect(vanZaak('/statussen', zaak).map((s) => s.statustype)).toEqual(
      ['Ontvangen', 'In behandeling', 'Afgehandeld', 'Afgesloten'].map((o) => cat.statustypen[o]),
    );
    expect(vanZaak('/resultaten', zaak).map((r) => r.resultaattype)).toEqual([cat.resultaattypen['Gegrond']]);
    expect(vanZaak('/rollen', zaak).map((r) => r.roltype)).toEqual([cat.roltypen.klager, cat.roltypen.behandelaar]);
    const [nieuweZaak] = zakenVan(later.id);
    expect(nieuweZaak.zaaktype).toBe(nieuw.zaaktype);
    expect(vanZaak('/statussen', nieuweZaak).map((s) => s.statustype)).toEqual([nieuw.statustypen['Ontvangen']]);
    expect(mock.geweigerd.slice(geweigerdVoor)).toEqual([]);
  });
});

function vangIo(cwd = process.cwd()): CliIo & { uit: string[]; fout: string[] } {
  const uit: string[] = [];
  const fout: string[] = [];
  return { uit, fout, cwd, out: (l) => uit.push(l), err: (l) => fout.push(l) };
}
