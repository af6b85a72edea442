/**
 * First line at the aanbieder (contract terms, e.g. Amsterdam: contact within 5 werkdagen, afhandeling
 * 6 + 4 weeks, Klachtenprotocol Wmo keten Amsterdam §6), terugkoppeling to the gemeente (Uitgangspunten klachtenmanagement Sociaal Domein §11-I, Klachtenprotocol Wmo keten Amsterdam §5A), and the
 * klager unhappy with the aanbieder's handling going to the gemeente on the process (Uitgangspunten klachtenmanagement Sociaal Domein §5A).
 */
import { kanDoorsturenNaarAanbieder } from '../../definition/eerste-lijn';
import { dagNa } from '../../definition/lint-hulp';
import type { EersteLijn } from '../../definition/types';
import { contactVoor } from '../termijnen';
import type { CompileCtx } from '../types';
import { JAAR_NA_AFDOENING_AANBIEDER, REACTIE_KLAGER } from '../wacht-op-klager';
import { tevredenheidNaVerlopen } from '../../registratie';
import {
  bestaand,
  intent,
  naar,
  overgang,
  startTermijn,
  stopTermijn,
  vervalTermijn,
  toestand,
  type ActieRef,
  type Blok,
  type OvergangConfig,
  type ToestandConfig,
} from './bouw';

/**
 * The terugkoppeling the aanbieder owes the gemeente about one klacht, where the regeling asks for it:
 * registratie, behandeling, afdoening, maatregelen, the terugkoppeling aan de klager, tevredenheid
 * (eersteLijn.terugkoppelingAanbieder; the gemeente stays responsible for the care it buys, Wmo 2015 art. 2.1.1).
 */
export function terugkoppelingActies(cc: CompileCtx, wat: NonNullable<EersteLijn['terugkoppelingAanbieder']>[number]): ActieRef[] {
  const el = cc.def.eersteLijn;
  return (el.terugkoppelingAanbieder ?? []).includes(wat)
    ? [intent('TERUGKOPPELING_AAN_GEMEENTE', el.gemeenteLoket, `${cc.def.bron}; Wmo 2015 art. 2.1.1`, { over: wat })]
    : [];
}

export const aanbiederBlok: Blok = (cc) => {
  const { def } = cc;
  const el = def.eersteLijn;
  const terugkoppeling = (wat: Parameters<typeof terugkoppelingActies>[1]): ActieRef[] => terugkoppelingActies(cc, wat);
  // `contact` binds the aanbieder unless the definition gives it to the gemeente only (TermijnDefinitie.geldtVoor).
  const contact = contactVoor(def, 'aanbieder') ? bestaand(cc, 'contact') : [];
  const termijnen = [...contact, ...bestaand(cc, 'aanbiederAfhandeling')];
  // Whether the second line judges aanbieders is decided on the day (the guard). The route exists where a body that
  // may answer does: one of this definition's own, or the one that answers after it ends (its next version, or after a
  // herindeling the successor's, Wet arhi: for Weesp from 24 March 2022 the Ombudsman Metropool Amsterdam).
  const eenBevoegd =
    def.tweedeLijn.some((t) => t.bevoegdOverAanbieders) ||
    (def.geldigTot !== undefined && cc.tweedeLijnOp(dagNa(def.geldigTot))?.instantie.bevoegdOverAanbieders === true);
  const ontevreden: OvergangConfig[] = [];
  if (eenBevoegd) {
    ontevreden.push(
      overgang({
        naar: naar('tweedeLijnVenster'),
        guard: 'wachtOpKlagerLooptEnTweedeLijnBevoegd',
        omschrijving: 'klager ontevreden over de afhandeling: naar de tweede lijn, die ook over gecontracteerde aanbieders oordeelt',
        // Awb 9:24 lid 1 sub a: the year runs from the aanbieder's afdoening, not from this registration.
        grondslag: 'Klachtenprotocol Wmo keten Amsterdam §4, §12; Awb 9:24 lid 1 sub a',
        acties: [...terugkoppeling('tevredenheid'), 'tweedeLijnVensterNaAfdoeningAanbieder'],
      }),
    );
  }
  if (!el.klachtOverAfhandelingAanbiederBijGemeente) {
    ontevreden.push(
      overgang({
        naar: naar('afgesloten'),
        guard: 'wachtOpKlagerLoopt',
        omschrijving: 'klager ontevreden; de regeling kent geen klacht bij de gemeente over de afhandeling door de aanbieder',
        acties: [...terugkoppeling('tevredenheid'), intent('KLAGER_INFORMEREN_MOGELIJKHEDEN', 'klager')],
      }),
    );
  }

  const afgedaanOn: Record<string, OvergangConfig | OvergangConfig[]> = {
    KLAGER_TEVREDEN: overgang({
      naar: naar('afgesloten'),
      guard: 'wachtOpKlagerLoopt',
      omschrijving: 'klager tevreden met de oplossing en de behandeling',
      grondslag: 'Klachtenprotocol Wmo keten Amsterdam §6',
      acties: terugkoppeling('tevredenheid'),
    }),
  };
  if (ontevreden.length) afgedaanOn.KLAGER_ONTEVREDEN = ontevreden;
  if (el.klachtOverAfhandelingAanbiederBijGemeente) {
    // Uitgangspunten klachtenmanagement Sociaal Domein §5A, §11-III: on the process, not the content, the klager may go to the gemeente.
    afgedaanOn.KLACHT_BIJ_GEMEENTE = overgang({
      naar: naar('gemeente'),
      guard: 'wachtOpKlagerLoopt',
      omschrijving: 'klager ontevreden over de klachtbehandeling door de aanbieder: klacht bij de gemeente over het proces',
      grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §5A, §5B, §11-III',
      acties: [...terugkoppeling('tevredenheid'), 'wachtOpKlagerBeeindigen'],
    });
  }
  if (eenBevoegd) {
    // Awb 9:24 lid 1 sub a, 9:18: the afdoening is the notice of the aanbieder's findings; the klager need not first have
    // his dissatisfaction registered to go to a second line that judges aanbieders (Klachtenprotocol Wmo keten Amsterdam
    // §4, §12). The request is checked against the year from the afdoening (binnenTermijn), which it ends.
    afgedaanOn.VERZOEK_OMBUDSMAN = overgang({
      naar: naar('bijOmbudsman'),
      guard: 'tweedeLijnBevoegdOverAanbieders',
      omschrijving: 'de klager dient na de afdoening door de aanbieder een verzoekschrift in bij de tweede lijn',
      grondslag: 'Awb 9:18, 9:24 lid 1 sub a; Klachtenprotocol Wmo keten Amsterdam §4, §12',
      acties: [
        ...terugkoppeling('tevredenheid'),
        'tweedeLijnVensterNaAfdoeningAanbieder',
        'verzoekOmbudsman',
        stopTermijn('tweedeLijnVerzoek'),
      ],
    });
  }
  // No klacht waits for ever for the klager's answer (wacht-op-klager.ts): when the year from the afdoening (Awb 9:24 lid 1
  // sub a by analogy) or the regeling's own reactieKlager passes without one, the klacht is closed, registered as 'niet
  // bereikt' (registratie.ts), and the gemeente's loket hears it: it stays responsible for the care it buys (Wmo 2015
  // art. 2.1.1) and is owed the tevredenheid (Klachtenprotocol Wmo keten Amsterdam §5A).
  const wacht = [...(eenBevoegd ? [JAAR_NA_AFDOENING_AANBIEDER] : []), REACTIE_KLAGER].filter((n) => cc.specs[n]);
  if (wacht.length) {
    afgedaanOn.TERMIJN_VERLOPEN = wacht.map((n) => {
      const grondslag = n === JAAR_NA_AFDOENING_AANBIEDER ? 'Awb 9:24 lid 1 sub a (naar analogie)' : cc.specs[n].grondslag;
      return overgang({
        naar: naar('afgesloten'),
        guard: { type: 'termijnVerstreken', params: { termijn: n } },
        omschrijving:
          n === JAAR_NA_AFDOENING_AANBIEDER
            ? 'het jaar na de afdoening door de aanbieder is verstreken zonder reactie van de klager: de klacht wordt afgesloten'
            : 'de termijn voor de reactie van de klager op de afdoening door de aanbieder is verstreken: de klacht wordt afgesloten',
        grondslag,
        acties: [
          'termijnVerlopen',
          // The loket hears what the registration records: 'niet bereikt' where the gemeente's list has it (registratie.ts).
          intent('AFGESLOTEN_ZONDER_REACTIE_KLAGER', el.gemeenteLoket, `${grondslag}; Wmo 2015 art. 2.1.1`, {
            termijn: n,
            ...(tevredenheidNaVerlopen(cc.def, n) ? { tevredenheid: tevredenheidNaVerlopen(cc.def, n) } : {}),
          }),
        ],
      });
    });
  }

  // No klager is stuck at the aanbieder: once the aanbieder's own termijn has passed without a decision,
  // the klager goes on as if the aanbieder had decided (Awb 9:24 lid 1 sub b by analogy): to the second
  // line where it judges aanbieders (Klachtenprotocol Wmo keten Amsterdam §4), otherwise to the gemeente,
  // which stays responsible for the care it contracts out (Wmo 2015 art. 2.1.1; Uitgangspunten
  // klachtenmanagement Sociaal Domein Stichtse Vecht §5B: "niet tevreden met de klachtenafhandeling").
  //
  // The aanbieder's termijnen bind it only while it has the klacht (Klachtenprotocol Wmo keten Amsterdam §6): taking this
  // way stops them (`stop`; bijAanbieder's exit does so too, doorgestuurdNaarAanbieder has no exit), also when the
  // klager goes on before the wake-up of their passing was stepped, so no later wake-up reminds or escalates to the
  // aanbieder about a klacht at the gemeente or the second line. The aanbieder did not meet them: one that had not passed
  // (a contact termijn suspended at the klager's request) ends 'vervallen', not 'nagekomen' (vervalTermijn).
  const naVerloop = (stop: string[]): Record<string, OvergangConfig[]> => {
    if (!cc.specs.aanbiederAfhandeling) return {};
    return {
      // Whether the second line judges aanbieders is asked on the date of the request: after a merger it
      // may be the successor's (a Weesp klacht after 24 March 2022: the Ombudsman Metropool Amsterdam).
      VERZOEK_OMBUDSMAN: [
        overgang({
          naar: naar('bijOmbudsman'),
          guard: 'aanbiederTermijnVerstrekenEnTweedeLijnBevoegd',
          omschrijving: 'de termijn van de aanbieder is verstreken zonder afdoening: de klager wendt zich tot de tweede lijn',
          grondslag: 'Awb 9:24 lid 1 sub b naar analogie; Awb 9:18',
          // From `afgedaan` too (a late afdoening, with a second line that judges aanbieders only from a later version):
          // the request ends the wait for the klager's answer, as the way to the gemeente does.
          acties: [...stop.map(vervalTermijn), 'verzoekOmbudsman', 'wachtOpKlagerBeeindigen'],
        }),
      ],
      KLACHT_BIJ_GEMEENTE: [
        overgang({
          naar: naar('gemeente'),
          guard: el.klachtOverAfhandelingAanbiederBijGemeente
            ? 'aanbiederTermijnVerstreken'
            : 'aanbiederTermijnVerstrekenZonderBevoegdeTweedeLijn',
          omschrijving: 'de termijn van de aanbieder is verstreken zonder afdoening: de klager klaagt bij de gemeente',
          grondslag: 'Awb 9:1; Wmo 2015 art. 2.1.1',
          // From `afgedaan` too (a late afdoening): the wait for the klager's answer ends with it.
          acties: [
            ...stop.map(vervalTermijn),
            intent('KLACHT_OVERGENOMEN_VAN_AANBIEDER', 'aanbieder', 'Awb 9:1; Wmo 2015 art. 2.1.1'),
            'wachtOpKlagerBeeindigen',
          ],
        }),
      ],
    };
  };

  // Contract end (Klachtenprotocol Wmo keten Amsterdam §9): the ketenpartner hands every file over to the gemeente, which
  // stays responsible for the care it contracted out (Wmo 2015 art. 2.1.1), so a klacht the aanbieder still handles goes
  // to the gemeente at once, not after the aanbieder's termijn. Its termijnen stop (bijAanbieder's exit; the step from
  // doorgestuurdNaarAanbieder, which has no exit, stops them itself): they must not remind or escalate to the
  // klachtenfunctionaris of an aanbieder that is gone. Not met: 'vervallen', or 'verlopen' when one had passed. Not on
  // `afgedaan`: the aanbieder has decided and no longer acts there; the klager's tevreden/ontevreden or
  // KLACHT_BIJ_GEMEENTE still leads on from it. The intent goes to the gemeente's loket, which now holds the file.
  const contractBeeindigd = (stop: string[]): OvergangConfig =>
    overgang({
      naar: naar('gemeente'),
      omschrijving: 'het contract met de aanbieder is beëindigd: de gemeente neemt de lopende klacht over',
      grondslag: 'Klachtenprotocol Wmo keten Amsterdam §9; Wmo 2015 art. 2.1.1',
      acties: [
        ...stop.map(vervalTermijn),
        intent('KLACHT_OVERGENOMEN_VAN_AANBIEDER', el.gemeenteLoket, 'Klachtenprotocol Wmo keten Amsterdam §9; Wmo 2015 art. 2.1.1'),
      ],
    });

  // Awb titel 9.1: a regime where the gemeente handles every klacht itself never forwards, so it has no
  // forwarding step (an unreachable step would fail the graph check). bijAanbieder stays: a klacht filed
  // at the aanbieder is handled there under its own scheme (Klachtenprotocol Wmo keten Amsterdam §5A, Uitgangspunten klachtenmanagement Sociaal Domein §5A).
  const doorsturen: Record<string, ToestandConfig> = kanDoorsturenNaarAanbieder(def)
    ? {
        doorgestuurdNaarAanbieder: toestand({
          omschrijving: 'Doorgestuurd naar de aanbieder (warme doorverwijzing)',
          fase: 'aanbieder',
          grondslag: 'Awb 2:3',
          termijnen,
          definitiePad: el.doorsturenNaarAanbieder ? ['eersteLijn', 'doorsturenNaarAanbieder'] : ['eersteLijn', 'standaard'],
          entry: [
            { type: 'doorzenden', params: { naar: 'aanbieder' } },
            // Whose contact it is: the aanbieder's (Klachtenprotocol Wmo keten Amsterdam §6), told apart from the gemeente's.
            ...contact.flatMap((t) => startTermijn(cc, t, 'event', undefined, 'aanbieder')),
            ...startTermijn(cc, 'aanbiederAfhandeling'),
          ],
          on: {
            ...naVerloop(termijnen),
            AANBIEDER_CONTRACT_BEEINDIGD: contractBeeindigd(termijnen),
            // Awb 2:3 / warme doorverwijzing: the gemeente keeps a finger on the pulse until the aanbieder picks it up.
            AANBIEDER_NEEMT_IN_BEHANDELING: overgang({
              naar: naar('bijAanbieder'),
              omschrijving: 'de aanbieder neemt de klacht in behandeling',
              acties: terugkoppeling('registratie'),
            }),
            ...(contact.length
              ? {
                  CONTACT_OPGENOMEN: overgang({
                    naar: naar('bijAanbieder'),
                    omschrijving: 'de aanbieder neemt contact op met de klager',
                    grondslag: cc.specs.contact.grondslag,
                    acties: [stopTermijn('contact'), ...terugkoppeling('registratie')],
                  }),
                }
              : {}),
          },
        }),
      }
    : {};

  return {
    states: {
      ...doorsturen,
      bijAanbieder: toestand({
        omschrijving: 'Klachtbehandeling bij de aanbieder',
        fase: 'aanbieder',
        grondslag: 'Wmo 2015 art. 3.2; contract',
        termijnen,
        initial: 'inBehandeling',
        exit: termijnen.map(stopTermijn),
        // The exit stops the aanbieder's termijnen on every way out; these ways name them too, as not met (vervalTermijn).
        on: naVerloop(termijnen),
        states: {
          inBehandeling: toestand({
            omschrijving: 'In behandeling bij de aanbieder',
            fase: 'aanbieder',
            termijnen,
            on: {
              AANBIEDER_CONTRACT_BEEINDIGD: contractBeeindigd(termijnen),
              // The gemeente hears how the klacht is handled, also where no contact termijn runs.
              CONTACT_OPGENOMEN: overgang({
                omschrijving: 'contact met de klager opgenomen',
                ...(contact.length ? { grondslag: cc.specs.contact.grondslag } : {}),
                acties: [...contact.map(stopTermijn), ...terugkoppeling('behandeling')],
              }),
              AFDOENEN: overgang({
                naar: naar('bijAanbieder', 'afgedaan'),
                guard: 'oordeelGeldig',
                omschrijving: 'de aanbieder doet de klacht af',
                grondslag: 'contract (Awb hoofdstuk 9 naar analogie)',
                acties: [
                  ...termijnen.map(stopTermijn),
                  // The wait for the klager's answer begins, bounded (wacht-op-klager.ts; Awb 9:24 lid 1 sub a by analogy).
                  'wachtOpKlagerStarten',
                  intent('AFDOENING_AANBIEDER', 'klager'),
                  ...terugkoppeling('afdoening'),
                  ...terugkoppeling('maatregelen'),
                  ...terugkoppeling('terugkoppelingKlager'),
                ],
              }),
              KLAGER_TEVREDEN: overgang({
                naar: naar('afgesloten'),
                omschrijving: 'direct naar tevredenheid opgelost',
                grondslag: 'Awb 9:5 naar analogie',
                acties: terugkoppeling('tevredenheid'),
              }),
            },
          }),
          afgedaan: toestand({
            omschrijving: 'Afgedaan door de aanbieder: is de klager tevreden?',
            fase: 'aanbieder',
            grondslag: 'Klachtenprotocol Wmo keten Amsterdam §6; Awb 9:24 lid 1 sub a',
            termijnen: wacht,
            on: afgedaanOn,
          }),
        },
      }),
    },
  };
};
