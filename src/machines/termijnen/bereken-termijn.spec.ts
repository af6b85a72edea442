import { atwUitgeslotenReden, berekenDetail } from './bereken-termijn';
import { parseDuur } from './duur';
import { atwVanToepassing, berekenTermijn, herinneringsDatum, TermijnFout } from './index';

const wettelijk = (vanaf: string, duur: string) => berekenTermijn({ vanaf, duur, rekenwijze: 'kalenderdagen', atw: true });

describe('berekenTermijn: Atw art. 3 lid 3, years whose decree days are not known', () => {
  it('a termijn in a year after the known decrees warns in its uitleg, before the vervaldatum line', () => {
    const r = wettelijk('2029-04-02', 'P6W');
    expect(r.vervaldatum).toBe('2029-05-14');
    expect(r.waarschuwingen).toEqual([
      expect.stringMatching(
        /^Let op: de bij Koninklijk Besluit met een feestdag gelijkgestelde dagen voor 2029 zijn nog niet bekend \(Atw art\. 3 lid 3\)/,
      ),
    ]);
    expect(r.uitleg.slice(-2)).toEqual([r.waarschuwingen![0], 'Vervaldatum: maandag 14 mei 2029']);
  });

  it('a termijn running from a known year into an unknown one warns for the unknown year only; within known years nothing', () => {
    expect(berekenTermijn({ vanaf: '2028-12-20', duur: 'P10D', rekenwijze: 'werkdagen', atw: false }).waarschuwingen).toEqual([
      expect.stringContaining('voor 2029 zijn nog niet bekend'),
    ]);
    expect(wettelijk('2026-04-02', 'P6W').waarschuwingen).toEqual([]);
  });

  it('decree days play no part without the Atw and without werkdagen: no warning', () => {
    expect(berekenTermijn({ vanaf: '2030-01-10', duur: 'P1Y', rekenwijze: 'kalenderdagen', atw: false }).waarschuwingen).toEqual([]);
    expect(
      berekenTermijn({
        vanaf: '2030-01-10',
        duur: 'P5D',
        rekenwijze: 'werkdagen',
        atw: false,
        kalender: { standaardGelijkgesteldeDagen: false },
      }).waarschuwingen,
    ).toEqual([]);
  });

  it('Atw art. 3 lid 3: the Friday after Hemelvaartsdag counts in 2015–2022 too (27 mei 2022); the year still warns, its other bridge days are not confirmed', () => {
    // Hemelvaartsdag 26 mei 2022 and the decree day vrijdag 27 mei: the termijn moves to maandag 30 mei.
    const r = wettelijk('2022-04-14', 'P6W');
    expect(r.vervaldatum).toBe('2022-05-30');
    expect(r.waarschuwingen).toEqual([expect.stringContaining('voor 2022 zijn niet bevestigd')]);
    // An unconfirmed bridge day (maandag 26 april 2021) does not count, and the uitleg says the date may be later.
    const k = wettelijk('2021-03-15', 'P6W');
    expect(k.vervaldatum).toBe('2021-04-26');
    expect(k.waarschuwingen).toEqual([
      expect.stringContaining('voor 2021 zijn niet bevestigd'),
      expect.stringMatching(/^Let op: maandag 26 april 2021 \(maandag vóór Koningsdag\) is mogelijk/),
    ]);
  });
});

describe('berekenTermijn: Algemene termijnenwet', () => {
  it('Atw art. 1: a term ending on Saturday moves to Monday', () => {
    const r = wettelijk('2026-03-07', 'P6W');
    expect(r.vervaldatum).toBe('2026-04-20');
    expect(r.uitleg).toEqual([
      '6 weken na zaterdag 7 maart 2026 = zaterdag 18 april 2026',
      'zaterdag 18 april 2026 is een zaterdag -> zondag 19 april 2026 (Atw art. 1 lid 1)',
      'zondag 19 april 2026 is een zondag -> maandag 20 april 2026 (Atw art. 1 lid 1)',
      'Vervaldatum: maandag 20 april 2026',
    ]);
  });

  it('Atw art. 1: a term ending on Sunday moves to Monday', () => {
    const r = wettelijk('2026-06-07', 'P4W');
    expect(r.vervaldatum).toBe('2026-07-06');
    expect(r.uitleg).toContain('zondag 5 juli 2026 is een zondag -> maandag 6 juli 2026 (Atw art. 1 lid 1)');
  });

  it('Atw art. 1: Hemelvaartsdag and the decree day after it move 14 mei 2026 to maandag 18 mei 2026', () => {
    const r = wettelijk('2026-04-02', 'P6W');
    expect(r.vervaldatum).toBe('2026-05-18');
    expect(r.uitleg).toEqual([
      '6 weken na donderdag 2 april 2026 = donderdag 14 mei 2026',
      'donderdag 14 mei 2026 is Hemelvaartsdag (Atw art. 3 lid 1) -> vrijdag 15 mei 2026 (Atw art. 1 lid 1)',
      'vrijdag 15 mei 2026 is een bij besluit gelijkgestelde dag, vrijdag na Hemelvaartsdag (Atw art. 3 lid 3) -> zaterdag 16 mei 2026 (Atw art. 1 lid 1)',
      'zaterdag 16 mei 2026 is een zaterdag -> zondag 17 mei 2026 (Atw art. 1 lid 1)',
      'zondag 17 mei 2026 is een zondag -> maandag 18 mei 2026 (Atw art. 1 lid 1)',
      'Vervaldatum: maandag 18 mei 2026',
    ]);
  });

  it('Atw art. 1 does not apply when the termijn is not statutory (atw: false): Saturday stays Saturday', () => {
    const r = berekenTermijn({ vanaf: '2026-03-07', duur: 'P6W', rekenwijze: 'kalenderdagen', atw: false });
    expect(r.vervaldatum).toBe('2026-04-18');
    expect(r.uitleg[1]).toMatch(/Algemene termijnenwet is voor deze termijn niet van toepassing .*Atw art\. 1 en 5/);
  });

  it('Atw art. 2: a 3-day term always contains two working days', () => {
    // Thursday before Easter 2026: Goede Vrijdag, weekend, Tweede Paasdag; art. 1 gives dinsdag 7 april,
    // which is only the first working day in the term, so art. 2 extends to woensdag 8 april.
    const r = wettelijk('2026-04-02', 'P3D');
    expect(r.vervaldatum).toBe('2026-04-08');
    expect(r.uitleg).toContain(
      'De termijn bevat tot en met dinsdag 7 april 2026 maar één dag die geen zaterdag, zondag of feestdag is; ' +
        'een termijn van ten minste 3 dagen moet er 2 bevatten -> woensdag 8 april 2026 (Atw art. 2)',
    );
    // A Friday start: za, zo, ma → ma is the only working day → dinsdag.
    expect(wettelijk('2026-06-05', 'P3D').vervaldatum).toBe('2026-06-09');
    // A 2-day term is not covered by art. 2, only by art. 1.
    expect(wettelijk('2026-06-05', 'P2D').vervaldatum).toBe('2026-06-08');
  });

  it('Atw art. 4: terms of more than 12 weeks and in years are not extended', () => {
    // P1Y ending on a Sunday stays on Sunday (Awb 9:24: one year for the ombudsman, no Atw).
    const jaar = wettelijk('2025-03-01', 'P1Y');
    expect(jaar.vervaldatum).toBe('2026-03-01');
    expect(jaar.uitleg).toEqual([
      '1 jaar na zaterdag 1 maart 2025 = zondag 1 maart 2026',
      'De Algemene termijnenwet is niet van toepassing: de termijn van 1 jaar is in jaren uitgedrukt (Atw art. 4); ' +
        'de datum wordt niet verschoven, ook al is zondag 1 maart 2026 een zondag',
      'Vervaldatum: zondag 1 maart 2026',
    ]);
    const dertienWeken = wettelijk('2026-03-07', 'P13W'); // zaterdag 6 juni 2026
    expect(dertienWeken.vervaldatum).toBe('2026-06-06');
    expect(dertienWeken.uitleg[1]).toMatch(/langer dan 12 weken \(Atw art\. 4\)/);
    expect(wettelijk('2026-03-07', 'P12W').vervaldatum).toBe('2026-06-01'); // 12 weeks still extended
    expect(wettelijk('2026-01-02', 'P91D').uitleg[1]).toMatch(/langer dan 90 dagen \(Atw art\. 4\)/);
    expect(wettelijk('2026-01-03', 'P4M').uitleg[1]).toMatch(/langer dan 3 maanden \(Atw art\. 4\)/);
    // The same rule for a legal lint of definitions.
    expect(atwVanToepassing('P6W')).toEqual({ toepasbaar: true });
    expect(atwVanToepassing('P3M')).toEqual({ toepasbaar: true });
    expect(atwVanToepassing('P90D', 'werkdagen')).toEqual({ toepasbaar: true });
    expect(atwVanToepassing('P6M')).toEqual({ toepasbaar: false, reden: 'de termijn van 6 maanden is langer dan 3 maanden (Atw art. 4)' });
    expect(atwVanToepassing('P1Y').reden).toMatch(/in jaren uitgedrukt \(Atw art\. 4\)/);
  });
});

describe('berekenTermijn: complaint terms in the statutes', () => {
  it('Awb 9:11 lid 1: six weeks after receipt', () => {
    // The worked examples of docs/juridisch-kader.md §5.3.
    const koningsdag = wettelijk('2026-03-16', 'P6W');
    expect(koningsdag.vervaldatum).toBe('2026-04-28');
    expect(koningsdag.uitleg).toContain(
      'maandag 27 april 2026 is Koningsdag (Atw art. 3 lid 1) -> dinsdag 28 april 2026 (Atw art. 1 lid 1)',
    );
    expect(wettelijk('2026-04-02', 'P6W').vervaldatum).toBe('2026-05-18');
    const eenMei = wettelijk('2026-03-20', 'P6W');
    expect(eenMei.vervaldatum).toBe('2026-05-01'); // 1 mei is not an Atw holiday
    expect(eenMei.uitleg).toEqual([
      '6 weken na vrijdag 20 maart 2026 = vrijdag 1 mei 2026',
      'vrijdag 1 mei 2026 is geen zaterdag, zondag of algemeen erkende feestdag: geen verlenging (Atw art. 1 lid 1)',
      'Vervaldatum: vrijdag 1 mei 2026',
    ]);
  });

  it('Awb 9:11 lid 1: receipt as a date-time counts its Europe/Amsterdam day', () => {
    // 22:30 UTC on 1 April is 00:30 on 2 April in Amsterdam (Awb 2:17 lid 2: arrival in the system).
    expect(wettelijk('2026-04-01T22:30:00Z', 'P6W').vervaldatum).toBe('2026-05-18');
    expect(wettelijk('2026-04-01T21:30:00Z', 'P6W').vervaldatum).toBe('2026-05-13');
  });

  it('Awb 9:11 lid 1: ten weeks with a klachtadviescommissie', () => {
    const r = wettelijk('2026-03-16', 'P10W');
    expect(r.vervaldatum).toBe('2026-05-26');
    expect(r.uitleg).toContain('maandag 25 mei 2026 is Tweede Pinksterdag (Atw art. 3 lid 1) -> dinsdag 26 mei 2026 (Atw art. 1 lid 1)');
  });

  it('Awb 9:8 lid 3: kennisgeving niet-behandelen within four weeks', () => {
    const r = wettelijk('2026-04-07', 'P4W');
    expect(r.vervaldatum).toBe('2026-05-06');
    expect(r.uitleg).toContain('dinsdag 5 mei 2026 is Bevrijdingsdag (5 mei) (Atw art. 3 lid 1) -> woensdag 6 mei 2026 (Atw art. 1 lid 1)');
  });

  it('Wkkgz 22: six months without Atw', () => {
    const r = wettelijk('2026-01-04', 'P6M');
    expect(r.vervaldatum).toBe('2026-07-04'); // a Saturday, not extended
    expect(r.uitleg[1]).toBe(
      'De Algemene termijnenwet is niet van toepassing: de termijn van 6 maanden is langer dan 3 maanden (Atw art. 4); ' +
        'de datum wordt niet verschoven, ook al is zaterdag 4 juli 2026 een zaterdag',
    );
  });

  it('Jeugdwet 4.2.1 lid 5: one month, Atw applies', () => {
    expect(wettelijk('2026-04-05', 'P1M').vervaldatum).toBe('2026-05-06'); // 5 mei → 6 mei
    const eindeMaand = wettelijk('2026-01-31', 'P1M');
    expect(eindeMaand.vervaldatum).toBe('2026-03-02');
    expect(eindeMaand.uitleg[0]).toBe(
      '1 maand na zaterdag 31 januari 2026 = zaterdag 28 februari 2026 (31 februari 2026 bestaat niet; aangenomen is de ' +
        'laatste dag van die maand — dit is niet in de wet geregeld, zie docs/juridisch-kader.md §5.3)',
    );
  });

  it('Amsterdam: contact within 5 werkdagen skips weekends, holidays and closure days', () => {
    const r = berekenTermijn({
      vanaf: '2026-04-02',
      duur: 'P5D',
      rekenwijze: 'werkdagen',
      atw: false, // contractual term (Algemene termijnenwet art. 1)
      kalender: { sluitingsdagen: ['2026-04-09'] },
    });
    expect(r.vervaldatum).toBe('2026-04-14');
    expect(r.uitleg).toEqual([
      '5 werkdagen na donderdag 2 april 2026 (de begindag telt niet mee; zaterdagen, zondagen, feestdagen (Atw art. 3), ' +
        'bij besluit gelijkgestelde dagen en sluitingsdagen van de gemeente tellen niet als werkdag)',
      'vrijdag 3 april 2026 telt niet als werkdag: Goede Vrijdag (Atw art. 3 lid 2)',
      'maandag 6 april 2026 telt niet als werkdag: Tweede Paasdag (Atw art. 3 lid 1)',
      'donderdag 9 april 2026 telt niet als werkdag: een sluitingsdag van de gemeente',
      'De 5e werkdag is dinsdag 14 april 2026',
      'De Algemene termijnenwet is voor deze termijn niet van toepassing (die geldt alleen voor termijnen uit een wet of AMvB, ' +
        'Atw art. 1 en 5); de datum wordt niet verschoven',
      'Vervaldatum: dinsdag 14 april 2026',
    ]);
    // Around Hemelvaart: do 14 (Hemelvaartsdag), vr 15 (decree day), weekend → ma 18 … vr 22 mei.
    expect(berekenTermijn({ vanaf: '2026-05-13', duur: 'P5D', rekenwijze: 'werkdagen', atw: false }).vervaldatum).toBe('2026-05-22');
    // Without closure days the same term from 2 april ends a day earlier.
    expect(berekenTermijn({ vanaf: '2026-04-02', duur: 'P5D', rekenwijze: 'werkdagen', atw: false }).vervaldatum).toBe('2026-04-13');
  });

  it('werkdagen are counted in days: a werkdagen term in weeks is refused with what to write instead', () => {
    expect(() => berekenTermijn({ vanaf: '2026-04-02', duur: 'P1W', rekenwijze: 'werkdagen', atw: false })).toThrow(
      /schrijf de duur als PnD \(bijvoorbeeld P5D voor 5 werkdagen\)/,
    );
  });

  it('bad input is a TermijnFout with a Dutch message', () => {
    expect(() => wettelijk('2026-02-29', 'P6W')).toThrow(TermijnFout);
    expect(() => wettelijk('2026-02-29', 'P6W')).toThrow(/Ongeldige vanaf-datum '2026-02-29'/);
    expect(() => wettelijk('2026-04-02', 'PT48H')).toThrow(/Ongeldige duur 'PT48H'/);
  });
});

describe('herinneringsDatum', () => {
  it('Atw art. 1 lid 2: a reminder counted backwards is not moved off a weekend or holiday', () => {
    expect(herinneringsDatum('2026-05-18', 'P1W')).toBe('2026-05-11');
    expect(herinneringsDatum('2026-04-20', 'P2D')).toBe('2026-04-18'); // zaterdag stays zaterdag
    expect(herinneringsDatum('2026-05-21', 'P1W')).toBe('2026-05-14'); // Hemelvaartsdag stays
    expect(herinneringsDatum('2026-03-31', 'P1M')).toBe('2026-02-28');
  });
});

describe('berekenTermijn: Atw art. 2 and art. 4 at their edges', () => {
  // Thursday 8 October 2026 + 3 days = Sunday 11 October.
  it('Atw art. 2: a 3-day term that already holds two days that are no Saturday, Sunday or holiday is not extended further', () => {
    const r = wettelijk('2026-10-08', 'P3D');
    // Friday 9 and Monday 12 October count: art. 1 moves Sunday to Monday and art. 2 adds nothing.
    expect(r.vervaldatum).toBe('2026-10-12');
    expect(r.uitleg.join('\n')).not.toMatch(/Atw art\. 2/);
  });

  it('Atw art. 2: the extension to a second free day skips decree days (Atw art. 3 lid 3) as well', () => {
    // Friday 9 and Tuesday 13 October equated by decree: only Monday 12 counts, Tuesday does not, so Wednesday 14.
    const r = berekenTermijn({
      vanaf: '2026-10-08',
      duur: 'P3D',
      rekenwijze: 'kalenderdagen',
      atw: true,
      kalender: { gelijkgesteldeDagen: ['2026-10-09', '2026-10-13'] },
    });
    expect(r.vervaldatum).toBe('2026-10-14');
    expect(r.uitleg).toContain(
      'De termijn bevat tot en met maandag 12 oktober 2026 maar één dag die geen zaterdag, zondag of feestdag is; een termijn van ten minste 3 dagen moet er 2 bevatten -> woensdag 14 oktober 2026 (Atw art. 2)',
    );
  });

  it('Atw art. 4: the reason names the term as written, in dagen or in werkdagen', () => {
    expect(atwUitgeslotenReden(parseDuur('P100D'))).toBe('de termijn van 100 dagen is langer dan 90 dagen (Atw art. 4)');
    expect(atwVanToepassing('P100D').reden).toBe('de termijn van 100 dagen is langer dan 90 dagen (Atw art. 4)');
    expect(atwVanToepassing('P100D', 'werkdagen').reden).toBe('de termijn van 100 werkdagen is langer dan 90 dagen (Atw art. 4)');
    expect(wettelijk('2026-01-05', 'P100D').uitleg.join('\n')).toMatch(/niet van toepassing: de termijn van 100 dagen is langer/);
    const werkdagen = berekenTermijn({ vanaf: '2026-01-05', duur: 'P100D', rekenwijze: 'werkdagen', atw: true });
    expect(werkdagen.uitleg.join('\n')).toMatch(/niet van toepassing: de termijn van 100 werkdagen is langer/);
  });

  it('Atw art. 1 and 4: the Atw counts as applied only when it was asked for and art. 4 does not exclude it', () => {
    const detail = (duur: string, atw: boolean) =>
      berekenDetail({ vanaf: '2026-03-07', duur, rekenwijze: 'kalenderdagen', atw }).atwToegepast;
    expect(detail('P6W', true)).toBe(true);
    expect(detail('P6W', false)).toBe(false);
    expect(detail('P1Y', true)).toBe(false);
  });

  it('an unknown rekenwijze is a TermijnFout naming the two that exist', () => {
    const fout = (() => {
      try {
        berekenTermijn({ vanaf: '2026-04-02', duur: 'P6W', rekenwijze: 'uren' as never, atw: true });
      } catch (e) {
        return e;
      }
    })();
    expect(fout).toBeInstanceOf(TermijnFout);
    expect(fout).toEqual(
      expect.objectContaining({
        code: 'ongeldige-rekenwijze',
        message: "Onbekende rekenwijze 'uren': schrijf 'kalenderdagen' of 'werkdagen'.",
      }),
    );
  });
});
