import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAndValidate } from '../machines/definition/validate';
import { controleerKoppelingen, type CatalogusExport } from '.';

const DEFINITIES = join(__dirname, '..', '..', 'definitions');
const AMSTERDAM = join(DEFINITIES, 'gm0363-amsterdam');
const KOPPELING = readFileSync(join(AMSTERDAM, 'zgw', '2015-01.yaml'), 'utf8');

/** The Amsterdam definition with the given koppeling next to it, in a folder of its own. */
function metKoppeling(tekst: string, cat?: CatalogusExport) {
  const map = join(mkdtempSync(join(tmpdir(), 'koppeling-')), 'gm0363-amsterdam');
  mkdirSync(join(map, 'zgw'), { recursive: true });
  cpSync(join(AMSTERDAM, '2015-01.yaml'), join(map, '2015-01.yaml'));
  writeFileSync(join(map, 'zgw', '2015-01.yaml'), tekst);
  const { definities, errors } = loadAndValidate([map]);
  expect(errors).toEqual([]);
  return controleerKoppelingen(definities, cat);
}

const regelVan = (tekst: string, regel: string) => tekst.split('\n').indexOf(regel) + 1;

describe('ZGW koppeling against its definition (klachtregie validate)', () => {
  it('the Amsterdam koppeling names only steps and termijnen the regeling has', () => {
    expect(metKoppeling(KOPPELING)).toEqual({ errors: [], aantal: 1 });
  });

  it('every koppeling in definitions/ (Amsterdam and Weesp) names only afwikkelingen of its own regeling, and every eindstap gives a resultaat', () => {
    const { definities, errors } = loadAndValidate([DEFINITIES]);
    expect(errors).toEqual([]);
    expect(controleerKoppelingen(definities)).toEqual({ errors: [], aantal: 2 });
  });

  it('Zaken API 1.5.1 status_create: an afdoening key that is no afwikkeling of the regeling, or an eindstap for which no resultaat follows, is an error at its file:line:column', () => {
    const tekst = KOPPELING.replace('    doorgestuurd naar ketenpartner: Doorgestuurd', '    doorverwezen: Doorgestuurd').replace(
      /^ {4}afgesloten: .*\n/m,
      '',
    );
    const { errors } = metKoppeling(tekst);
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [regelVan(tekst, '    doorverwezen: Doorgestuurd'), 19, "onbekende afwikkeling 'doorverwezen'"],
      [regelVan(tekst, '  stap:'), 3, "eindstap 'afgesloten' geeft geen resultaat"],
    ]);
    expect(errors[0].hint).toMatch(/^de klachtregeling kent \(registratie.afwikkeling\): opgelost met klager, /);
    expect(errors[1].hint).toMatch(/alleen met een resultaat afgesloten \(Zaken API 1.5.1, status_create\)/);
  });

  it('an unknown step, termijn or oordeel is an error at its own file:line:column', () => {
    const tekst = KOPPELING.replace('  bijOmbudsman: Bij de ombudsman', '  bijDeOmbudsman: Bij de ombudsman')
      .replace('afhandeltermijnen: [afhandeling, aanbiederAfhandeling]', 'afhandeltermijnen: [afhandeling, afhandelingAanbieder]')
      .replace('    gegrond: Gegrond', '    terecht: Gegrond');
    const { errors } = metKoppeling(tekst);
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual(
      [
        [regelVan(tekst, 'afhandeltermijnen: [afhandeling, afhandelingAanbieder]'), 34, "onbekende termijn 'afhandelingAanbieder'"],
        [regelVan(tekst, '  bijDeOmbudsman: Bij de ombudsman'), 19, "onbekende stap 'bijDeOmbudsman' in de zgw-koppeling"],
        [regelVan(tekst, '    terecht: Gegrond'), 14, "onbekend oordeel 'terecht'"],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
  });

  it('a key the koppeling does not know, or a vertrouwelijkheidaanduiding outside the Zaken API list, is refused', () => {
    const tekst = KOPPELING.replace('vertrouwelijkheidaanduiding: vertrouwelijk', 'vertrouwelijkheidaanduiding: prive').concat(
      'zaaktypen: [X]\n',
    );
    const { errors } = metKoppeling(tekst);
    expect(errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [regelVan(tekst, 'vertrouwelijkheidaanduiding: prive'), 30, expect.stringMatching(/^zgw-koppeling vertrouwelijkheidaanduiding: /)],
      [regelVan(tekst, 'zaaktypen: [X]'), 1, "zgw-koppeling: onbekende sleutel 'zaaktypen'"],
    ]);
  });

  it('Catalogi API 1.3.1: every name must exist in each published version of the zaaktype, as a zaak keeps the version it was made with', () => {
    const namen = {
      statustypen: ['Ontvangen', 'In behandeling', 'Doorgestuurd', 'Afgehandeld', 'Bij de ombudsman', 'Afgesloten'],
      resultaattypen: ['Gegrond', 'Deels gegrond', 'Ongegrond', 'Informeel opgelost', 'Niet behandeld', 'Doorgestuurd', 'Afgehandeld'],
      roltypen: ['Klager', 'Klachtbehandelaar'],
    };
    const typen = (url: string, lijst: string[], zonder: string[] = []) =>
      lijst.filter((o) => !zonder.includes(o)).map((omschrijving) => ({ zaaktype: url, omschrijving }));
    const zaaktype = (url: string, versiedatum: string, concept = false) => ({ url, identificatie: 'KLACHT-SD', versiedatum, concept });
    // The gemeente added 'Bij de ombudsman' in 2026; zaken of the 2015 version lack it. A concept (no types yet) is not used.
    const [oud, nieuw] = ['https://ztc/zaaktypen/1', 'https://ztc/zaaktypen/2'];
    const cat: CatalogusExport = {
      zaaktypen: [zaaktype(oud, '2015-01-01'), zaaktype(nieuw, '2026-06-01'), zaaktype('https://ztc/zaaktypen/3', '2027-01-01', true)],
      statustypen: [...typen(oud, namen.statustypen, ['Bij de ombudsman']), ...typen(nieuw, namen.statustypen)],
      resultaattypen: [...typen(oud, namen.resultaattypen), ...typen(nieuw, namen.resultaattypen)],
      roltypen: [...typen(oud, namen.roltypen), ...typen(nieuw, namen.roltypen)],
      informatieobjecttypen: [{ omschrijving: 'Klaagschrift' }],
    };
    const { errors } = metKoppeling(KOPPELING, cat);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [
        regelVan(KOPPELING, '  bijOmbudsman: Bij de ombudsman'),
        "onbekend statustype 'Bij de ombudsman' in zaaktype KLACHT-SD versie 2015-01-01",
      ],
    ]);
  });
});
