import { berekenTermijn, herbereken, TermijnFout, TermijnLedger, voegMutatieToe } from './index';

/** Awb 9:11: klaagschrift received donderdag 2 april 2026; 6 weeks → raw 14 mei, Atw → maandag 18 mei 2026. */
const awb = (mutaties: TermijnLedger['mutaties'] = []): TermijnLedger => ({
  basis: { vanaf: '2026-04-02', duur: 'P6W', rekenwijze: 'kalenderdagen', atw: true },
  verdagingMax: 'P4W',
  mutaties,
});

function fout(fn: () => unknown): TermijnFout {
  try {
    fn();
  } catch (e) {
    if (e instanceof TermijnFout) return e;
    throw e;
  }
  throw new Error('expected a TermijnFout');
}

describe('termijn ledger: herbereken', () => {
  it('without mutations it gives the base computation', () => {
    const r = herbereken(awb());
    expect(r.vervaldatum).toBe('2026-05-18');
    expect(r.uitleg[r.uitleg.length - 1]).toBe('Vervaldatum: maandag 18 mei 2026');
    expect(r.vervaldatumNaMutatie).toEqual([]);
    expect(r.opgeschortSinds).toBeUndefined();
  });

  it('Atw art. 3 lid 3: a verdaging into a year whose decree days are not yet known warns in the uitleg', () => {
    const basis = { vanaf: '2028-11-01', duur: 'P6W', rekenwijze: 'kalenderdagen' as const, atw: true };
    expect(herbereken({ basis, verdagingMax: 'P4W', mutaties: [] }).waarschuwingen).toEqual([]);
    const r = herbereken({ basis, verdagingMax: 'P4W', mutaties: [{ soort: 'verdaging', at: '2028-12-01', duur: 'P4W' }] });
    expect(r.vervaldatum).toBe('2029-01-10');
    expect(r.waarschuwingen).toEqual([expect.stringContaining('voor 2029 zijn nog niet bekend')]);
    expect(r.uitleg.slice(-2)).toEqual([r.waarschuwingen![0], 'Vervaldatum: woensdag 10 januari 2029']);
  });

  it('Awb 9:11 lid 2: verdaging moves the termijn by at most four weeks', () => {
    const vier = herbereken(awb([{ soort: 'verdaging', at: '2026-05-01', duur: 'P4W' }]));
    expect(vier.vervaldatum).toBe('2026-06-11');
    expect(vier.uitleg).toContain('Verdaging op vrijdag 1 mei 2026 met 4 weken (Awb 9:11 lid 2):');
    expect(vier.uitleg).toContain('4 weken na de onverlengde vervaldatum donderdag 14 mei 2026 = donderdag 11 juni 2026');
    expect(vier.uitleg[vier.uitleg.length - 1]).toBe('Vervaldatum: donderdag 11 juni 2026');

    const tweeKeerTwee = herbereken(
      awb([
        { soort: 'verdaging', at: '2026-05-01', duur: 'P2W' },
        { soort: 'verdaging', at: '2026-05-20', duur: 'P2W' },
      ]),
    );
    expect(tweeKeerTwee.vervaldatumNaMutatie).toEqual(['2026-05-28', '2026-06-11']);
    expect(tweeKeerTwee.vervaldatum).toBe('2026-06-11');

    const teVeel = fout(() =>
      herbereken(
        awb([
          { soort: 'verdaging', at: '2026-05-01', duur: 'P2W' },
          { soort: 'verdaging', at: '2026-05-20', duur: 'P2W' },
          { soort: 'verdaging', at: '2026-06-01', duur: 'P1W' },
        ]),
      ),
    );
    expect(teVeel.code).toBe('verdaging-te-lang');
    expect(teVeel.message).toMatch(
      /meer dan 4 weken \(Awb 9:11 lid 2\).*Nog mogelijk: 0 dagen.*schriftelijke instemming van de klager \(Awb 9:11 lid 3\)/,
    );
    expect(fout(() => herbereken(awb([{ soort: 'verdaging', at: '2026-05-01', duur: 'P5W' }]))).code).toBe('verdaging-te-lang');
  });

  it('Awb 9:11 lid 2: verdaging is added to the raw due date and the Atw is applied again', () => {
    // Raw 14 mei + 1 week = donderdag 21 mei; adding to the Atw date (18 mei) would have given 25 mei → 26 mei.
    expect(herbereken(awb([{ soort: 'verdaging', at: '2026-05-01', duur: 'P1W' }])).vervaldatum).toBe('2026-05-21');
    // Received 16 maart: raw 27 april (Koningsdag) + 4 weeks = 25 mei, Tweede Pinksterdag → dinsdag 26 mei.
    const r = herbereken({
      ...awb([{ soort: 'verdaging', at: '2026-04-20', duur: 'P4W' }]),
      basis: { ...awb().basis, vanaf: '2026-03-16' },
    });
    expect(r.vervaldatum).toBe('2026-05-26');
    expect(r.uitleg).toContain('maandag 25 mei 2026 is Tweede Pinksterdag (Atw art. 3 lid 1) -> dinsdag 26 mei 2026 (Atw art. 1 lid 1)');
  });

  it('verdaging is refused when the termijn has no verdagingMax', () => {
    const e = fout(() => herbereken({ ...awb([{ soort: 'verdaging', at: '2026-05-01', duur: 'P1W' }]), verdagingMax: undefined }));
    expect(e.code).toBe('verdaging-niet-mogelijk');
    expect(e.message).toMatch(/Awb 9:11 lid 3/);
  });

  it('verdaging in months cannot be compared with a maximum in weeks', () => {
    expect(fout(() => herbereken(awb([{ soort: 'verdaging', at: '2026-05-01', duur: 'P1M' }]))).message).toMatch(
      /schrijf de verdaging in dezelfde soort eenheid \(dagen of weken, bijvoorbeeld P2W\)/,
    );
  });

  it('Awb 9:11 lid 3: further delay only with written consent', () => {
    const vol = { soort: 'verdaging' as const, at: '2026-05-01', duur: 'P4W' };
    const zonder = fout(() => herbereken(awb([vol, { soort: 'instemming', at: '2026-06-05', tot: '2026-07-04', schriftelijk: false }])));
    expect(zonder.code).toBe('instemming-niet-schriftelijk');
    expect(zonder.message).toMatch(/alleen met schriftelijke instemming van de klager \(Awb 9:11 lid 3\)/);

    // The agreed date is a Saturday: the Atw does not apply to an agreed date.
    const met = herbereken(
      awb([vol, { soort: 'instemming', at: '2026-06-05', tot: '2026-07-04', schriftelijk: true, reden: 'aanvullend onderzoek' }]),
    );
    expect(met.vervaldatum).toBe('2026-07-04');
    expect(met.vervaldatumNaMutatie).toEqual(['2026-06-11', '2026-07-04']);
    expect(met.uitleg).toContain(
      'Op vrijdag 5 juni 2026 heeft de klager schriftelijk ingestemd met verder uitstel tot zaterdag 4 juli 2026 ' +
        '(Awb 9:11 lid 3) (reden: aanvullend onderzoek); de Algemene termijnenwet geldt niet voor een afgesproken datum',
    );

    expect(fout(() => herbereken(awb([{ soort: 'instemming', at: '2026-05-01', tot: '2026-05-11', schriftelijk: true }]))).code).toBe(
      'instemming-eerder',
    );
  });

  it('opschorting and hervatting: the suspended days are added and the Atw is applied again', () => {
    const lopend = herbereken(awb([{ soort: 'opschorting', at: '2026-04-20', reden: 'wacht op stukken van de klager' }]));
    expect(lopend.opgeschortSinds).toBe('2026-04-20');
    expect(lopend.vervaldatum).toBe('2026-05-18');
    expect(lopend.uitleg[lopend.uitleg.length - 1]).toMatch(
      /^Vervaldatum: maandag 18 mei 2026 \(voorlopig: de termijn is opgeschort sinds maandag 20 april 2026/,
    );

    const hervat = herbereken(
      awb([
        { soort: 'opschorting', at: '2026-04-20' },
        { soort: 'hervatting', at: '2026-04-30' },
      ]),
    );
    // 10 days: raw 14 mei + 10 = zondag 24 mei (Pinksteren) → Tweede Pinksterdag → dinsdag 26 mei.
    expect(hervat.vervaldatum).toBe('2026-05-26');
    expect(hervat.opgeschortSinds).toBeUndefined();
    expect(hervat.uitleg).toContain(
      'Hervat op donderdag 30 april 2026: 10 dagen opgeschort (maandag 20 april 2026 tot donderdag 30 april 2026), ' +
        'dus donderdag 14 mei 2026 + 10 = zondag 24 mei 2026',
    );
  });

  it('opschorting and hervatting are refused when they do not fit', () => {
    expect(fout(() => herbereken(awb([{ soort: 'hervatting', at: '2026-04-30' }]))).code).toBe('niet-opgeschort');
    expect(
      fout(() =>
        herbereken(
          awb([
            { soort: 'opschorting', at: '2026-04-20' },
            { soort: 'opschorting', at: '2026-04-21' },
          ]),
        ),
      ).code,
    ).toBe('al-opgeschort');
    expect(
      fout(() =>
        herbereken(
          awb([
            { soort: 'opschorting', at: '2026-04-20' },
            { soort: 'hervatting', at: '2026-04-19' },
          ]),
        ),
      ).code,
    ).toBe('hervatting-voor-opschorting');
    expect(fout(() => herbereken(awb([{ soort: 'opschorting', at: '2026-05-19' }]))).code).toBe('opschorting-buiten-termijn');
    expect(fout(() => herbereken(awb([{ soort: 'opschorting', at: '2026-04-01' }]))).code).toBe('mutatie-voor-begin');
    expect(fout(() => herbereken(awb([{ soort: 'opschorting', at: '1 mei' }]))).message).toMatch(
      /Ongeldige datum van mutatie 1 \(opschorting\)/,
    );
  });

  it('Wkkgz 17: six weeks, +4 with notice before expiry', () => {
    const wkkgz = (at: string): TermijnLedger => ({
      ...awb([{ soort: 'verdaging', at, duur: 'P4W' }]),
      verdagingVoorVerloop: true,
      verdagingGrondslag: 'Wkkgz 17 lid 2',
    });
    expect(herbereken(wkkgz('2026-05-18')).vervaldatum).toBe('2026-06-11'); // on the due date itself: in time
    expect(herbereken(wkkgz('2026-05-18T21:30:00Z')).vervaldatum).toBe('2026-06-11'); // 23:30 in Amsterdam
    const telaat = fout(() => herbereken(wkkgz('2026-05-18T22:30:00Z'))); // 00:30 on 19 mei in Amsterdam
    expect(telaat.code).toBe('verdaging-na-verloop');
    expect(telaat.message).toMatch(/uiterlijk op de vervaldatum maandag 18 mei 2026 worden gedaan \(Wkkgz 17 lid 2\)/);
    // Without the requirement (Awb 9:11 lid 2 text sets no moment) a later verdaging is accepted.
    expect(herbereken({ ...wkkgz('2026-05-19'), verdagingVoorVerloop: false }).vervaldatum).toBe('2026-06-11');
  });

  it('voegMutatieToe refuses a mutation and leaves the ledger unchanged', () => {
    const ledger = awb([{ soort: 'verdaging', at: '2026-05-01', duur: 'P4W' }]);
    expect(() => voegMutatieToe(ledger, { soort: 'verdaging', at: '2026-05-02', duur: 'P1D' })).toThrow(TermijnFout);
    expect(ledger.mutaties).toHaveLength(1);
    const { ledger: nieuw, uitkomst } = voegMutatieToe(awb(), { soort: 'verdaging', at: '2026-05-02', duur: 'P1W' });
    expect(nieuw.mutaties).toHaveLength(1);
    expect(uitkomst.vervaldatum).toBe('2026-05-21');
  });

  it('a hervatting on a werkdagen termijn adds the werkdagen it stood still, not calendar days', () => {
    // Contact within 5 werkdagen of maandag 1 juni 2026: maandag 8 juni. Suspended dinsdag 2 juni, resumed maandag 8 juni:
    // dinsdag to vrijdag stood still (4 werkdagen), so 4 werkdagen after maandag 8 juni: vrijdag 12 juni (6 calendar days
    // would give zondag 14 juni, a day nobody works, and the Atw does not apply to a contractual termijn).
    const r = herbereken({
      basis: { vanaf: '2026-06-01', duur: 'P5D', rekenwijze: 'werkdagen', atw: false },
      mutaties: [
        { soort: 'opschorting', at: '2026-06-02' },
        { soort: 'hervatting', at: '2026-06-08' },
      ],
    });
    expect(r.vervaldatum).toBe('2026-06-12');
    expect(r.uitleg).toContain(
      'Hervat op maandag 8 juni 2026: 4 werkdagen opgeschort (dinsdag 2 juni 2026 tot maandag 8 juni 2026), dus maandag 8 juni 2026 + 4 werkdagen = vrijdag 12 juni 2026',
    );
    // Suspended over a weekend only: no werkdag stood still, the date stays.
    const weekend = herbereken({
      basis: { vanaf: '2026-06-01', duur: 'P5D', rekenwijze: 'werkdagen', atw: false },
      mutaties: [
        { soort: 'opschorting', at: '2026-06-06' },
        { soort: 'hervatting', at: '2026-06-08' },
      ],
    });
    expect(weekend.vervaldatum).toBe('2026-06-08');
    // One werkdag stood still (vrijdag 5 juni): one werkdag later.
    const een = herbereken({
      basis: { vanaf: '2026-06-01', duur: 'P5D', rekenwijze: 'werkdagen', atw: false },
      mutaties: [
        { soort: 'opschorting', at: '2026-06-05' },
        { soort: 'hervatting', at: '2026-06-06' },
      ],
    });
    expect(een.vervaldatum).toBe('2026-06-09');
    expect(een.uitleg).toContain(
      'Hervat op zaterdag 6 juni 2026: 1 werkdag opgeschort (vrijdag 5 juni 2026 tot zaterdag 6 juni 2026), dus maandag 8 juni 2026 + 1 werkdag = dinsdag 9 juni 2026',
    );
  });

  it('a verdaging in days on a werkdagen termijn counts werkdagen', () => {
    const r = herbereken({
      basis: { vanaf: '2026-04-02', duur: 'P5D', rekenwijze: 'werkdagen', atw: false },
      verdagingMax: 'P5D',
      mutaties: [{ soort: 'verdaging', at: '2026-04-08', duur: 'P3D' }],
    });
    // 5 werkdagen → maandag 13 april; 3 more werkdagen → donderdag 16 april.
    expect(r.vervaldatum).toBe('2026-04-16');
  });
});

describe('termijn ledger at its edges', () => {
  it('without mutations the uitleg is exactly the base computation, with one Vervaldatum line', () => {
    const r = herbereken(awb());
    expect(r.uitleg).toEqual(berekenTermijn(awb().basis).uitleg);
    expect(r.uitleg.filter((l) => l.startsWith('Vervaldatum'))).toHaveLength(1);
  });

  it('a mutation on the first day of the termijn is allowed, and opschorting on the vervaldatum itself too', () => {
    expect(
      herbereken(
        awb([
          { soort: 'opschorting', at: '2026-04-02' },
          { soort: 'hervatting', at: '2026-04-03' },
        ]),
      ).vervaldatum,
    ).toBe('2026-05-18');
    const opVervaldag = herbereken(awb([{ soort: 'opschorting', at: '2026-05-18' }]));
    expect(opVervaldag.opgeschortSinds).toBe('2026-05-18');
    expect(fout(() => herbereken(awb([{ soort: 'opschorting', at: '2026-05-19' }]))).code).toBe('opschorting-buiten-termijn');
  });

  it('opschorting: a hervatting on the same day suspends nothing; one day is named in the singular', () => {
    expect(
      herbereken(
        awb([
          { soort: 'opschorting', at: '2026-04-20' },
          { soort: 'hervatting', at: '2026-04-20' },
        ]),
      ).vervaldatum,
    ).toBe('2026-05-18');
    const eenDag = herbereken(
      awb([
        { soort: 'opschorting', at: '2026-04-20' },
        { soort: 'hervatting', at: '2026-04-21' },
      ]),
    );
    expect(eenDag.uitleg).toContain(
      'Hervat op dinsdag 21 april 2026: 1 dag opgeschort (maandag 20 april 2026 tot dinsdag 21 april 2026), dus donderdag 14 mei 2026 + 1 = vrijdag 15 mei 2026',
    );
  });

  it('Awb 9:11 lid 3: instemming on the current vervaldatum itself is allowed, not while the termijn is opgeschort', () => {
    expect(herbereken(awb([{ soort: 'instemming', at: '2026-05-10', tot: '2026-05-18', schriftelijk: true }])).vervaldatum).toBe(
      '2026-05-18',
    );
    expect(
      fout(() =>
        herbereken(
          awb([
            { soort: 'opschorting', at: '2026-05-01' },
            { soort: 'instemming', at: '2026-05-10', tot: '2026-07-01', schriftelijk: true },
          ]),
        ),
      ).code,
    ).toBe('al-opgeschort');
  });

  it('verdaging maxima in days, months and years are compared in their own unit', () => {
    const met = (verdagingMax: string, duur: string) => () =>
      herbereken({ ...awb(), verdagingMax, mutaties: [{ soort: 'verdaging', at: '2026-05-01', duur }] });
    expect(met('P28D', 'P4W')().vervaldatum).toBe('2026-06-11');
    expect(fout(met('P28D', 'P29D')).code).toBe('verdaging-te-lang');
    expect(met('P1M', 'P1M')().vervaldatum).toBe('2026-06-15'); // 14 juni is a Sunday
    expect(fout(met('P1M', 'P2M')).code).toBe('verdaging-te-lang');
    expect(met('P1Y', 'P12M')().vervaldatum).toBe('2027-05-14');
    expect(fout(met('P1Y', 'P13M')).code).toBe('verdaging-te-lang');
    expect(fout(met('P1M', 'P2W')).message).toMatch(/maanden of jaren, bijvoorbeeld P1M/);
  });

  it('Atw art. 4: a verdaging longer than 90 days ends the Atw for the termijn, so the new date is not moved off a Saturday', () => {
    const r = herbereken({ ...awb(), verdagingMax: 'P100D', mutaties: [{ soort: 'verdaging', at: '2026-05-01', duur: 'P100D' }] });
    // 14 mei 2026 + 100 dagen = zaterdag 22 augustus 2026.
    expect(r.vervaldatum).toBe('2026-08-22');
    expect(r.uitleg).toContain(
      'De Algemene termijnenwet is niet van toepassing op deze verdaging: de termijn van 100 dagen is langer dan 90 dagen (Atw art. 4)',
    );
    // Within 90 days the Atw still moves it: 14 mei + 23 dagen = zaterdag 6 juni 2026 → maandag 8 juni.
    expect(
      herbereken({ ...awb(), verdagingMax: 'P100D', mutaties: [{ soort: 'verdaging', at: '2026-05-01', duur: 'P23D' }] }).vervaldatum,
    ).toBe('2026-06-08');
  });

  it('on a werkdagen termijn a verdaging in days counts werkdagen and says so, one in weeks counts calendar weeks', () => {
    const werkdagen: TermijnLedger = {
      basis: { vanaf: '2026-04-02', duur: 'P5D', rekenwijze: 'werkdagen', atw: false },
      verdagingMax: 'P100D',
      mutaties: [{ soort: 'verdaging', at: '2026-04-08', duur: 'P5D' }],
    };
    const r = herbereken(werkdagen);
    // 5 werkdagen → maandag 13 april; 5 more werkdagen → maandag 20 april (5 calendar days would be zaterdag 18 april).
    expect(r.vervaldatum).toBe('2026-04-20');
    expect(r.uitleg).toContain('5 werkdagen na de onverlengde vervaldatum maandag 13 april 2026 = maandag 20 april 2026');
    const inWeken = herbereken({ ...werkdagen, mutaties: [{ soort: 'verdaging', at: '2026-04-08', duur: 'P1W' }] });
    expect(inWeken.vervaldatum).toBe('2026-04-20');
    expect(inWeken.uitleg).toContain('1 week na de onverlengde vervaldatum maandag 13 april 2026 = maandag 20 april 2026');
    const metAtw = herbereken({
      ...werkdagen,
      basis: { ...werkdagen.basis, atw: true },
      mutaties: [{ soort: 'verdaging', at: '2026-04-08', duur: 'P95D' }],
    });
    expect(metAtw.uitleg).toContain(
      'De Algemene termijnenwet is niet van toepassing op deze verdaging: de termijn van 95 werkdagen is langer dan 90 dagen (Atw art. 4)',
    );
  });

  it('without verdagingVoorVerloop a late verdaging is still allowed (Awb 9:11 lid 2 sets no moment for the notice)', () => {
    expect(herbereken(awb([{ soort: 'verdaging', at: '2026-05-25', duur: 'P1W' }])).vervaldatum).toBe('2026-05-21');
    expect(
      fout(() => herbereken({ ...awb([{ soort: 'verdaging', at: '2026-05-25', duur: 'P1W' }]), verdagingVoorVerloop: true })).code,
    ).toBe('verdaging-na-verloop');
  });
});
