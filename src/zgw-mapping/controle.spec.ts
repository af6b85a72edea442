import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAndValidate } from '../machines/definition/validate';
import { controleerKoppelingen } from '.';

const DEFINITIES = join(__dirname, '..', '..', 'definitions');
const AMSTERDAM = join(DEFINITIES, 'gm0363-amsterdam');
const KOPPELING = readFileSync(join(AMSTERDAM, 'zgw', '2015-01.yaml'), 'utf8');

/** The Amsterdam definition with the given koppeling next to it, in a folder of its own. */
function metKoppeling(tekst: string) {
  const map = join(mkdtempSync(join(tmpdir(), 'koppeling-')), 'gm0363-amsterdam');
  mkdirSync(join(map, 'zgw'), { recursive: true });
  cpSync(join(AMSTERDAM, '2015-01.yaml'), join(map, '2015-01.yaml'));
  writeFileSync(join(map, 'zgw', '2015-01.yaml'), tekst);
  const { definities, errors } = loadAndValidate([map]);
  expect(errors).toEqual([]);
  return controleerKoppelingen(definities);
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
});
