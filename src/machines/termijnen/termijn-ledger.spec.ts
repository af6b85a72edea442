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

describe('Algemene termijnenwet art. 1 lid 1 with a regeling that lets a termijn be suspended (opschorting)', () => {
  // awb(): received donderdag 2 april 2026, six weeks is Hemelvaartsdag 14 mei, the Atw gives maandag 18 mei.
  const geschorst = (op: string, hervat: string) =>
    herbereken(
      awb([
        { soort: 'opschorting', at: op },
        { soort: 'hervatting', at: hervat },
      ]),
    );

  it('a termijn suspended in the days the Atw added gets the days it had left after the hervatting', () => {
    // Suspended zaterdag 16 mei, resumed woensdag 20 mei (4 days): 18 mei + 4 = vrijdag 22 mei, not 18 mei (before the
    // hervatting, so passed the moment it resumes).
    const r = geschorst('2026-05-16', '2026-05-20');
    expect(r.vervaldatum).toBe('2026-05-22');
    expect(r.uitleg).toContain(
      'Opgeschort na de onverlengde vervaldatum donderdag 14 mei 2026, in de dagen die de Algemene termijnenwet toevoegde: ' +
        'de termijn liep tot en met maandag 18 mei 2026 (Atw art. 1 lid 1); de dagen tot die datum komen na de hervatting',
    );
    expect(r.uitleg).toContain(
      'Hervat op woensdag 20 mei 2026: 4 dagen opgeschort (zaterdag 16 mei 2026 tot woensdag 20 mei 2026), dus maandag 18 mei 2026 + 4 = vrijdag 22 mei 2026',
    );
    // Suspended on its extended last day itself: that day comes back as the day of the hervatting.
    expect(geschorst('2026-05-18', '2026-05-20').vervaldatum).toBe('2026-05-20');
    // The Atw applies to the day that gives: vrijdag 15 mei + 5 = 18 mei + 5 = zaterdag 23 mei -> Tweede Pinksterdag 25 mei
    // -> dinsdag 26 mei.
    expect(geschorst('2026-05-15', '2026-05-20').vervaldatum).toBe('2026-05-26');
    // Suspended within its own six weeks (up to and on 14 mei) nothing changes: the raw day moves and the Atw judges the
    // new one afresh (the days it added to 14 mei were there because 14 mei was a holiday).
    expect(geschorst('2026-05-13', '2026-05-20').vervaldatum).toBe('2026-05-21');
    expect(geschorst('2026-05-14', '2026-05-20').vervaldatum).toBe('2026-05-20');
    expect(geschorst('2026-04-20', '2026-04-30').vervaldatum).toBe('2026-05-26');
  });

  it('a suspended termijn does not run: resumed, it never ends before the day of its hervatting', () => {
    const dag = (iso: string, n: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const telaat: string[] = [];
    for (let s = 0; dag('2026-04-02', s) <= '2026-05-18'; s++) {
      for (const duur of [0, 1, 4, 9]) {
        const op = dag('2026-04-02', s);
        const hervat = dag(op, duur);
        if (geschorst(op, hervat).vervaldatum < hervat) telaat.push(`${op} tot ${hervat}`);
      }
    }
    expect(telaat).toEqual([]);
  });
});

describe('Awb 9:11 lid 2 and Wkkgz 17 lid 2: verdaging by at most four weeks, also on a termijn counted in werkdagen', () => {
  // 30 werkdagen from maandag 2 maart 2026 (Goede Vrijdag and Tweede Paasdag do not count): woensdag 15 april 2026.
  const werkdagen: TermijnLedger = {
    basis: { vanaf: '2026-03-02', duur: 'P30D', rekenwijze: 'werkdagen', atw: false },
    verdagingMax: 'P4W',
    verdagingVoorVerloop: true,
    mutaties: [],
  };
  const verdaag = (ledger: TermijnLedger, duur: string, at = '2026-03-20T10:00:00+01:00') =>
    voegMutatieToe(ledger, { soort: 'verdaging', at, duur });

  it('four weeks are 28 calendar days of movement: a verdaging in werkdagen that moves the last day further is refused', () => {
    expect(herbereken(werkdagen).vervaldatum).toBe('2026-04-15');
    // 28 werkdagen would give maandag 1 juni: 47 days.
    const e = fout(() => verdaag(werkdagen, 'P28D'));
    expect(e.code).toBe('verdaging-te-lang');
    expect(e.message).toBe(
      "Verdaging met 28 werkdagen (mutatie 1 (verdaging)) kan niet: Op deze termijn in werkdagen telt de duur 'P28D' werkdagen: " +
        '28 werkdagen na woensdag 15 april 2026 is maandag 1 juni 2026, 47 dagen later. Samen met de eerdere verdaging(en) wordt ' +
        'het meer dan 4 weken (Awb 9:11 lid 2). Nog mogelijk: 28 dagen, tot en met woensdag 13 mei 2026: schrijf de duur in weken ' +
        '(hooguit P4W) of in werkdagen (hooguit P18D). Verder uitstel kan alleen met schriftelijke instemming van de klager (Awb 9:11 lid 3).',
    );
    // 19 werkdagen: maandag 18 mei, 33 days (Koningsdag, Bevrijdingsdag, Hemelvaartsdag and the day after do not count).
    expect(fout(() => verdaag(werkdagen, 'P19D')).code).toBe('verdaging-te-lang');
    // 18 werkdagen and four weeks both reach woensdag 13 mei: 28 days.
    expect(verdaag(werkdagen, 'P18D').uitkomst.vervaldatum).toBe('2026-05-13');
    expect(verdaag(werkdagen, 'P4W').uitkomst.vervaldatum).toBe('2026-05-13');
  });

  it('the four weeks hold in parts too: weeks and werkdagen count together in calendar days', () => {
    // Two weeks: woensdag 29 april; 14 days are left, up to 13 mei: 9 werkdagen (Bevrijdingsdag does not count).
    const tweeWeken = verdaag(werkdagen, 'P2W').ledger;
    expect(verdaag(tweeWeken, 'P9D', '2026-04-01T10:00:00+02:00').uitkomst.vervaldatum).toBe('2026-05-13');
    const e = fout(() => verdaag(tweeWeken, 'P10D', '2026-04-01T10:00:00+02:00'));
    expect(e.code).toBe('verdaging-te-lang');
    expect(e.message).toMatch(
      /Nog mogelijk: 14 dagen, tot en met woensdag 13 mei 2026: schrijf de duur in weken \(hooguit P2W\) of in werkdagen \(hooguit P9D\)/,
    );
  });

  it('a maximum written in days on a termijn in werkdagen caps werkdagen, the unit it is written in', () => {
    // 5 werkdagen from donderdag 2 april 2026: maandag 13 april. One week later (maandag 20 april) is 5 werkdagen on.
    const vijf: TermijnLedger = {
      basis: { vanaf: '2026-04-02', duur: 'P5D', rekenwijze: 'werkdagen', atw: false },
      verdagingMax: 'P5D',
      mutaties: [],
    };
    expect(verdaag(vijf, 'P1W', '2026-04-08').uitkomst.vervaldatum).toBe('2026-04-20');
    expect(verdaag(vijf, 'P5D', '2026-04-08').uitkomst.vervaldatum).toBe('2026-04-20');
    expect(fout(() => verdaag(vijf, 'P6D', '2026-04-08')).message).toMatch(/meer dan 5 dagen .*Nog mogelijk: 5 werkdagen\./);
  });

  it('a verdaging stored before this count still replays to the day the klager was told, with a warning; no more verdaging after it', () => {
    const opgeslagen: TermijnLedger = { ...werkdagen, mutaties: [{ soort: 'verdaging', at: '2026-03-20T10:00:00+01:00', duur: 'P28D' }] };
    const r = herbereken(opgeslagen);
    expect(r.vervaldatum).toBe('2026-06-01');
    expect(r.waarschuwingen).toEqual([
      'De verdaging van vrijdag 20 maart 2026 (mutatie 1 (verdaging)) gaat verder dan 4 weken (Awb 9:11 lid 2): de termijn schuift ' +
        'door verdaging 47 dagen op. Zij is vastgelegd voordat een verdaging in werkdagen in kalenderdagen aan het maximum werd ' +
        'getoetst; de vervaldatum blijft die de klager is meegedeeld. Verder uitstel kan alleen met schriftelijke instemming van de ' +
        'klager (Awb 9:11 lid 3)',
    ]);
    expect(r.uitleg).toContain(r.waarschuwingen![0]);
    expect(fout(() => verdaag(opgeslagen, 'P1D', '2026-04-01T10:00:00+02:00')).message).toMatch(/Nog mogelijk: 0 dagen\./);
    // Only what the old count let through: a stored verdaging beyond the maximum in any count is refused as before.
    expect(fout(() => herbereken({ ...werkdagen, mutaties: [{ soort: 'verdaging', at: '2026-03-20', duur: 'P29D' }] })).code).toBe(
      'verdaging-te-lang',
    );
  });
});
