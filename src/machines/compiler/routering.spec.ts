/**
 * Intake routing as a pure function, on the Amsterdam definition (Klachtenprotocol Wmo keten
 * Amsterdam §4, §5A, §5B) and variants of it: which regime and which first line handle a new klacht.
 */
import { join } from 'node:path';
import type { AanbiederRef } from '../contract';
import { loadDefinitionFiles } from '../definition/loader';
import type { Definitie, TweedeLijnInstantie } from '../definition/types';
import { bijzonderRegimeVoor, routeer, routeGemeente, tweedeLijnOp } from './routering';
import type { IntakeGegevens } from './types';

let amsterdam: Definitie;
beforeAll(() => {
  const { definities, errors } = loadDefinitionFiles([
    join(__dirname, '..', '..', '..', 'definitions', 'gm0363-amsterdam', '2015-01.yaml'),
  ]);
  expect(errors).toEqual([]);
  amsterdam = definities[0].definitie;
});

const wmo = (id: string): AanbiederRef => ({ id, naam: id, type: 'wmo' });

function intake(over: Partial<IntakeGegevens> = {}): IntakeGegevens {
  return {
    gemeente: 'GM0363',
    kanaal: 'brief',
    ontvangenOp: '2026-04-02T10:00:00+02:00',
    ingediendBij: 'gemeente',
    soort: 'klacht',
    aanbieders: [wmo('zorg-noord')],
    feiten: {},
    ...over,
  };
}

function variant(wijzig: (d: Definitie) => void): Definitie {
  const d = structuredClone(amsterdam);
  wijzig(d);
  return d;
}

describe('routeer: signalen, meldingen and stoppen met leveren go their own way', () => {
  test('a signaal is a signaal and a melding a melding, wherever filed and whatever the aanbieder', () => {
    expect(routeer(amsterdam, intake({ soort: 'signaal', ingediendBij: 'aanbieder' }))).toBe('signaal');
    expect(routeer(amsterdam, intake({ soort: 'melding', aanbieders: [{ id: 'j', naam: 'j', type: 'jeugdhulp' }] }))).toBe('melding');
  });

  test('stoppen met leveren only when the definition has that procedure (Klachtenprotocol Wmo keten Amsterdam)', () => {
    expect(routeer(amsterdam, intake({ soort: 'stoppenMetLeveren' }))).toBe('stoppenMetLeveren');
    expect(
      routeer(
        variant((d) => delete d.stoppenMetLeveren),
        intake({ soort: 'stoppenMetLeveren' }),
      ),
    ).toBeUndefined();
  });
});

describe('routeer: special regimes (Jeugdwet 4.2.1 lid 6, Wkkgz 13–17)', () => {
  test('a klacht about one jeugdhulpaanbieder goes to the Jeugdwet klachtencommissie, one about one zorgaanbieder to the Wkkgz, wherever filed', () => {
    for (const ingediendBij of ['gemeente', 'aanbieder'] as const) {
      expect(routeer(amsterdam, intake({ ingediendBij, aanbieders: [{ id: 'j', naam: 'j', type: 'jeugdhulp' }] }))).toBe('jeugdwet');
      expect(routeer(amsterdam, intake({ ingediendBij, aanbieders: [{ id: 'z', naam: 'z', type: 'zorg' }] }))).toBe('wkkgz');
    }
  });

  test('bijzonderRegimeVoor: only a klacht about exactly one aanbieder with a typed regime has one', () => {
    expect(bijzonderRegimeVoor(amsterdam, intake({ aanbieders: [{ id: 'z', naam: 'z', type: 'zorg' }] }))?.regime).toBe('wkkgz');
    expect(bijzonderRegimeVoor(amsterdam, intake({ aanbieders: [{ id: 'z', naam: 'z', type: 'zorg' }, wmo('w')] }))).toBeUndefined();
    expect(bijzonderRegimeVoor(amsterdam, intake({ aanbieders: [] }))).toBeUndefined();
    expect(bijzonderRegimeVoor(amsterdam, intake({ aanbieders: [{ id: 'x', naam: 'x' }] }))).toBeUndefined();
    expect(
      bijzonderRegimeVoor(
        variant((d) => delete d.bijzondereRegimes),
        intake({ aanbieders: [{ id: 'z', naam: 'z', type: 'zorg' }] }),
      ),
    ).toBeUndefined();
  });

  test('two aanbieders of which one is zorg: no Wkkgz, the gemeente handles it (§5B: more than one ketenpartner)', () => {
    expect(routeer(amsterdam, intake({ aanbieders: [{ id: 'z', naam: 'z', type: 'zorg' }, wmo('w')] }))).toBe('gemeente');
  });
});

describe('routeer: "klaag daar waar het is misgegaan" (Amsterdam §4a, §5A)', () => {
  test('filed at the aanbieder and about an aanbieder: handled there', () => {
    expect(routeer(amsterdam, intake({ ingediendBij: 'aanbieder' }))).toBe('bijAanbieder');
  });

  test('filed at the aanbieder but naming no aanbieder: the gemeente handles it', () => {
    expect(routeer(amsterdam, intake({ ingediendBij: 'aanbieder', aanbieders: [] }))).toBe('gemeente');
  });

  test('filed at the gemeente about one ketenpartner, not complex: forwarded to it (warme doorverwijzing)', () => {
    expect(routeer(amsterdam, intake())).toBe('doorgestuurdNaarAanbieder');
  });
});

describe('routeGemeente (Amsterdam §5A, §5B)', () => {
  test('§5B: the gemeente handles it when the klager addresses the gemeente, even if it would otherwise be forwarded', () => {
    expect(routeGemeente(amsterdam, intake({ feiten: { gerichtAan: 'wethouder' } }))).toBe('gemeente');
    expect(routeGemeente(amsterdam, intake({ feiten: { wilDirectBijGemeente: true } }))).toBe('gemeente');
  });

  test('§5A: a complex klacht, or one the klager already raised with the aanbieder (not about bejegening), stays at the gemeente', () => {
    expect(routeGemeente(amsterdam, intake({ feiten: { complex: true } }))).toBe('gemeente');
    expect(routeGemeente(amsterdam, intake({ feiten: { eerderBijAanbieder: true } }))).toBe('gemeente');
    expect(routeGemeente(amsterdam, intake({ feiten: { eerderBijAanbieder: true, overBejegening: true } }))).toBe(
      'doorgestuurdNaarAanbieder',
    );
  });

  test('a klacht that names no aanbieder is about the gemeente itself, whatever the forwarding rule says', () => {
    const altijdDoorsturen = variant((d) => {
      delete d.eersteLijn.behandelingDoorGemeente;
      d.eersteLijn.doorsturenNaarAanbieder = { feit: 'soort', is: 'klacht' };
    });
    expect(routeGemeente(altijdDoorsturen, intake())).toBe('doorgestuurdNaarAanbieder');
    expect(routeGemeente(altijdDoorsturen, intake({ aanbieders: [] }))).toBe('gemeente');
  });

  test('without a forwarding rule the standaard first line decides', () => {
    const zonderRegels = (standaard: 'aanbieder' | 'gemeente') =>
      variant((d) => {
        delete d.eersteLijn.behandelingDoorGemeente;
        delete d.eersteLijn.doorsturenNaarAanbieder;
        d.eersteLijn.standaard = standaard;
      });
    expect(routeGemeente(zonderRegels('aanbieder'), intake())).toBe('doorgestuurdNaarAanbieder');
    expect(routeGemeente(zonderRegels('gemeente'), intake())).toBe('gemeente');
  });
});

describe('tweedeLijnOp (GemW 81p; Awb 9:12 lid 2 names the one body)', () => {
  const lijn = (naam: string, geldigVanaf: string, geldigTot?: string): TweedeLijnInstantie => ({
    soort: naam === 'Nationale ombudsman' ? 'nationaleOmbudsman' : 'lokaleOmbudsman',
    naam,
    geldigVanaf,
    ...(geldigTot ? { geldigTot } : {}),
    bevoegdOverAanbieders: false,
  });
  const wissel = () =>
    variant((d) => (d.tweedeLijn = [lijn('Lokale ombudsman', '2015-01-01', '2022-12-31'), lijn('Nationale ombudsman', '2023-01-01')]));

  test('the body in force on the date, both first and last day included', () => {
    const d = wissel();
    expect(tweedeLijnOp(d, '2015-01-01')?.naam).toBe('Lokale ombudsman');
    expect(tweedeLijnOp(d, '2022-12-31')?.naam).toBe('Lokale ombudsman');
    expect(tweedeLijnOp(d, '2023-01-01')?.naam).toBe('Nationale ombudsman');
    expect(tweedeLijnOp(d, '2030-06-01')?.naam).toBe('Nationale ombudsman');
  });

  test('before the first body there is none', () => {
    expect(tweedeLijnOp(wissel(), '2014-12-31')).toBeUndefined();
  });
});
