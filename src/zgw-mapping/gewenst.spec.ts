import { gewensteStatussen, gewensteZaak, verlengingVan, zaakIdentificatie } from './gewenst';
import { resultaattypeVoor, statustypeVoor, zaaktypenVan, type ZgwKoppeling } from './koppeling';

const koppeling: ZgwKoppeling = {
  zaaktype: 'KLACHT-SD',
  vertrouwelijkheidaanduiding: 'vertrouwelijk',
  afhandeltermijnen: ['afhandeling'],
  statussen: {
    'gemeente.informeleFase': 'Ontvangen',
    gemeente: 'In behandeling',
    'gemeente.tevredenheidscheck': 'Afgehandeld',
    afgesloten: 'Afgesloten',
  },
  resultaten: {
    oordeel: { gegrond: 'Gegrond' },
    afdoening: { 'niet behandeld': 'Niet behandeld' },
    stap: { afgedaanInformeel: 'Informeel opgelost' },
  },
  roltypen: { klager: 'Klager', behandelaar: 'Klachtbehandelaar' },
  behandelaar: { identificatie: 'KTSD', naam: 'Klachtenteam Sociaal Domein' },
  informatieobjecttypen: { klaagschrift: 'Klaagschrift' },
};

const klacht = {
  id: '0b6f3f0e-7c0a-4d59-9a57-1f0d1b6b2c11',
  onderwerp: 'Hulp kwam niet',
  kanaal: 'email',
  state: 'gemeente.tevredenheidscheck',
  oordeel: 'gegrond',
  afdoening: null,
  ontvangstdag: '2026-03-02',
  registratiedag: '2026-03-02',
  geschiedenis: [
    { naarState: 'gemeente.informeleFase', at: new Date('2026-03-02T09:00:00Z') },
    { naarState: 'gemeente.beoordelen', at: new Date('2026-03-03T10:00:00Z') },
    { naarState: 'gemeente.horen', at: new Date('2026-03-10T10:00:00Z') },
    { naarState: 'gemeente.tevredenheidscheck', at: new Date('2026-05-06T10:00:00Z') },
  ],
};

describe('ZGW koppeling (pure)', () => {
  it('a step takes the statustype of its most specific mapped step or parent; an unmapped step sets none', () => {
    expect(statustypeVoor(koppeling, 'gemeente.horen')).toBe('In behandeling');
    expect(statustypeVoor(koppeling, 'gemeente.informeleFase')).toBe('Ontvangen');
    expect(statustypeVoor(koppeling, 'bijOmbudsman.onderzoek')).toBeUndefined();
  });

  it('Awb 9:12 lid 1: the oordeel decides the resultaattype before the afwikkeling, the end step only when neither maps', () => {
    expect(resultaattypeVoor(koppeling, { oordeel: 'gegrond', afdoening: 'niet behandeld', state: 'afgedaanInformeel' })).toBe('Gegrond');
    expect(resultaattypeVoor(koppeling, { oordeel: null, afdoening: 'niet behandeld', state: 'afgedaanInformeel' })).toBe('Niet behandeld');
    expect(resultaattypeVoor(koppeling, { oordeel: null, afdoening: null, state: 'afgedaanInformeel' })).toBe('Informeel opgelost');
    expect(resultaattypeVoor(koppeling, { oordeel: null, afdoening: null, state: 'gemeente.horen' })).toBeUndefined();
    // As for the statussen, a parent step covers the steps under it.
    const k = { ...koppeling, resultaten: { ...koppeling.resultaten, stap: { bijOmbudsman: 'Afgehandeld' } } };
    expect(resultaattypeVoor(k, { oordeel: null, afdoening: null, state: 'bijOmbudsman.onderzoek' })).toBe('Afgehandeld');
  });

  it('one status per change of statustype, in the order and at the moments of the history', () => {
    const z = gewensteZaak(koppeling, klacht, { vervaldatum: '2026-04-13', grondslag: 'Awb 9:11', verdagingen: [] });
    expect(z.statussen.map((s) => [s.statustype, s.datumStatusGezet])).toEqual([
      ['Ontvangen', '2026-03-02T09:00:00.000Z'],
      ['In behandeling', '2026-03-03T10:00:00.000Z'],
      ['Afgehandeld', '2026-05-06T10:00:00.000Z'],
    ]);
    expect(z).toMatchObject({
      identificatie: zaakIdentificatie(klacht.id),
      uiterlijkeEinddatumAfdoening: '2026-04-13',
      resultaat: { resultaattype: 'Gegrond' },
    });
    expect(z.verlenging).toBeUndefined();
    // Zaken API 1.5.1: identificatie is at most 40 characters.
    expect(z.identificatie.length).toBeLessThanOrEqual(40);
  });

  it('Awb 9:24 lid 1: an act done before the wake-up that closed the klacht, registered after it, reopens the zaak at the moment it was registered', () => {
    const k = { ...koppeling, statussen: { ...koppeling.statussen, bijOmbudsman: 'Bij de ombudsman' } };
    const heropend = {
      ...klacht,
      state: 'bijOmbudsman.onderzoek',
      geschiedenis: [
        ...klacht.geschiedenis,
        // The klager's year passed at midnight: the wake-up closed the klacht (eindstatus).
        { naarState: 'afgesloten', at: new Date('2027-05-12T22:00:05Z'), geregistreerdOp: new Date('2027-05-12T22:00:05Z') },
        // The request sent on the last day, registered the next morning with its true time.
        { naarState: 'bijOmbudsman.onderzoek', at: new Date('2027-05-12T13:00:00Z'), geregistreerdOp: new Date('2027-05-13T08:15:00Z') },
      ],
    };
    const z = gewensteZaak(k, heropend);
    expect(z.statussen.slice(-2).map((s) => [s.statustype, s.datumStatusGezet])).toEqual([
      ['Afgesloten', '2027-05-12T22:00:05.000Z'],
      // After the eindstatus, so the register's current status (its latest) is the klacht's step again.
      ['Bij de ombudsman', '2027-05-13T08:15:00.000Z'],
    ]);
    // Without a registration moment (older rows): just after the status it follows.
    const zonder = gewensteZaak(k, { ...heropend, geschiedenis: heropend.geschiedenis.map(({ naarState, at }) => ({ naarState, at })) });
    expect(zonder.statussen[zonder.statussen.length - 1].datumStatusGezet).toBe('2027-05-12T22:00:06.000Z');
  });

  it('Awb 9:11 lid 2: a verdaging is the zaak verlenging, with the reason given or else the legal ground', () => {
    expect(
      verlengingVan({ vervaldatum: '2026-05-11', grondslag: 'Awb 9:11', verdagingen: [{ duur: 'P4W', reden: 'advies GGD' }] }),
    ).toEqual({ duur: 'P4W', reden: 'advies GGD' });
    expect(verlengingVan({ vervaldatum: '2026-05-11', grondslag: 'Awb 9:11', verdagingen: [{ duur: 'P4W' }] })).toEqual({
      duur: 'P4W',
      reden: 'Verdaagd op grond van Awb 9:11',
    });
    expect(
      verlengingVan({
        vervaldatum: '2026-05-11',
        grondslag: null,
        verdagingen: [{ duur: 'P2W' }, { duur: 'P3D', reden: 'nog een gesprek' }],
      }),
    ).toEqual({ duur: 'P17D', reden: 'nog een gesprek' });
  });

  it("zaaktype per route: a klacht that starts at the ketenpartner gets the route's zaaktype, the others the default", () => {
    const perRoute: ZgwKoppeling = { ...koppeling, zaaktypePerRoute: { doorgestuurdNaarAanbieder: 'KLACHT-KETEN', wkkgz: 'KLACHT-WKKGZ' } };
    const met = (eerste: string) =>
      gewensteZaak(perRoute, { ...klacht, geschiedenis: [{ naarState: eerste, at: new Date('2026-03-02T09:00:00Z') }] }).zaaktype;
    expect(met('doorgestuurdNaarAanbieder')).toBe('KLACHT-KETEN');
    expect(met('wkkgz.bijKlachtenfunctionaris')).toBe('KLACHT-WKKGZ');
    expect(met('gemeente.informeleFase')).toBe('KLACHT-SD');
    expect(zaaktypenVan(perRoute)).toEqual(['KLACHT-SD', 'KLACHT-KETEN', 'KLACHT-WKKGZ']);
  });

  it('Zaken API 1.5.1 after a version migration: each step is a status by the koppeling of the version it was taken on, the zaaktype by that of the first step', () => {
    // The new version's koppeling: another zaaktype, and the formal handling is 'In onderzoek'.
    const nieuw: ZgwKoppeling = {
      ...koppeling,
      zaaktype: 'KLACHT-SD-2026',
      statussen: { ...koppeling.statussen, gemeente: 'In onderzoek' },
    };
    const gemigreerd = {
      ...klacht,
      geschiedenis: [
        { naarState: 'gemeente.informeleFase', at: new Date('2026-03-02T09:00:00Z'), koppeling },
        { naarState: 'gemeente.beoordelen', at: new Date('2026-03-03T10:00:00Z'), koppeling },
        // The migration (VERSIE_GEMIGREERD) in the same step, and a step after it: the new koppeling.
        { naarState: 'gemeente.beoordelen', at: new Date('2026-04-01T08:00:00Z') },
        { naarState: 'gemeente.tevredenheidscheck', at: new Date('2026-05-06T10:00:00Z') },
      ],
    };
    expect(gewensteStatussen(nieuw, gemigreerd).map((s) => [s.statustype, s.datumStatusGezet])).toEqual([
      ['Ontvangen', '2026-03-02T09:00:00.000Z'],
      ['In behandeling', '2026-03-03T10:00:00.000Z'],
      ['In onderzoek', '2026-04-01T08:00:00.000Z'],
      ['Afgehandeld', '2026-05-06T10:00:00.000Z'],
    ]);
    expect(gewensteZaak(nieuw, gemigreerd).zaaktype).toBe('KLACHT-SD');
    // Without the earlier koppeling (its version had none): the current one for every step.
    const zonder = { ...gemigreerd, geschiedenis: gemigreerd.geschiedenis.map(({ naarState, at }) => ({ naarState, at })) };
    expect(gewensteStatussen(nieuw, zonder).map((s) => s.statustype)).toEqual(['Ontvangen', 'In onderzoek', 'Afgehandeld']);
    expect(gewensteZaak(nieuw, zonder).zaaktype).toBe('KLACHT-SD-2026');
  });
});
