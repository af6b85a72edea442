/**
 * Intake and routing (Awb titel 9.1, docs/juridisch-kader.md §12, §13; docs/definities.md). KLACHT_ONTVANGEN carries the intake; guarded
 * transitions route it by soort, special regime and the definition's Voorwaarden, so the graph check
 * explores every route with enumerated facts.
 */
import { kanDoorsturenNaarAanbieder } from '../../definition/eerste-lijn';
import { beschrijfVoorwaarde } from '../voorwaarde';
import { contactVoor, jeugdwetRegime, wkkgzRegime } from '../termijnen';
import type { Route } from '../routering';
import { terugkoppelingActies } from './aanbieder.block';
import { naar, overgang, startTermijn, toestand, type ActieRef, type Blok, type OvergangConfig } from './bouw';

const INTAKE_ACTIES: ActieRef[] = ['registreerIntake', 'collegeInformerenAlsNodig'];

export const intakeBlok: Blok = (cc) => {
  const { def } = cc;
  const el = def.eersteLijn;
  const route = (r: Route) => ({ type: 'route', params: { route: r } });
  const t: OvergangConfig[] = [
    overgang({
      naar: naar('signaal'),
      guard: route('signaal'),
      omschrijving: 'signaal: naar de behandelaar van signalen',
      grondslag: 'Uitgangspunten klachtenmanagement Sociaal Domein §2B',
      acties: INTAKE_ACTIES,
    }),
    overgang({
      naar: naar('melding'),
      guard: route('melding'),
      omschrijving: 'melding: calamiteit of geweld naar de toezichthouder',
      grondslag: 'Wmo 2015 art. 3.4',
      acties: INTAKE_ACTIES,
    }),
  ];
  // Awb 9:26: an investigation the ombudsman starts on its own initiative is a case of its own.
  t.push(
    overgang({
      naar: naar('eigenOnderzoek'),
      guard: route('eigenOnderzoek'),
      omschrijving: 'onderzoek van de ombudsman uit eigen beweging',
      grondslag: 'Awb 9:26',
      acties: INTAKE_ACTIES,
    }),
  );
  // Awb 9:31: an informatievraag or interventieverzoek of the ombudsman is no klaagschrift: the gemeente's loket answers it
  // by the date the ombudsman set (if he set one), not under Awb 9:11 (Klachtenprotocol Wmo keten Amsterdam §12). The
  // Kinderombudsman's request about a Jeugdwet klacht goes to the jeugdhulpaanbieder (medewerkingOmbudsman, by the klacht's
  // route: guard jeugdwetKlacht; Wet Nationale ombudsman art. 11d, Jeugdwet 4.2.1 lid 6).
  const medewerking = [...INTAKE_ACTIES, { type: 'startGesteldeTermijn', params: { naam: 'ombudsmanTermijn' } }, 'medewerkingOmbudsman'];
  const ofAanbieder = jeugdwetRegime(def) ? ' (over een klacht over een jeugdhulpaanbieder: de aanbieder)' : '';
  const grondslagMedewerking = jeugdwetRegime(def) ? 'Awb 9:31; Wet Nationale ombudsman art. 11d' : 'Awb 9:31';
  t.push(
    overgang({
      naar: naar('verzoekOmbudsman', 'informatievraag'),
      guard: route('ombudsmanInformatievraag'),
      omschrijving: `informatievraag van de ombudsman: geen klacht, de gemeente verstrekt de gevraagde inlichtingen${ofAanbieder}`,
      grondslag: grondslagMedewerking,
      acties: medewerking,
    }),
    overgang({
      naar: naar('verzoekOmbudsman', 'interventieverzoek'),
      guard: route('ombudsmanInterventieverzoek'),
      omschrijving: `interventieverzoek van de ombudsman: geen klacht, de gemeente pakt het op${ofAanbieder}`,
      grondslag: grondslagMedewerking,
      acties: medewerking,
    }),
  );
  if (def.stoppenMetLeveren) {
    t.push(
      overgang({
        naar: naar('stoppenMetLeveren'),
        guard: route('stoppenMetLeveren'),
        omschrijving: 'verzoek van de aanbieder om te stoppen met leveren',
        grondslag: 'Klachtenprotocol Wmo keten Amsterdam §8',
        acties: INTAKE_ACTIES,
      }),
    );
  }
  if (jeugdwetRegime(def)) {
    t.push(
      overgang({
        naar: naar('jeugdwetKlachtencommissie'),
        guard: route('jeugdwet'),
        omschrijving: 'klacht over een jeugdhulpaanbieder: naar diens klachtencommissie (Awb titel 9.1 geldt niet)',
        grondslag: 'Jeugdwet 4.2.1 lid 6',
        acties: [...INTAKE_ACTIES, { type: 'doorzenden', params: { naar: 'klachtencommissie', alleenVanGemeente: true } }],
      }),
    );
  }
  if (wkkgzRegime(def)) {
    t.push(
      overgang({
        naar: naar('wkkgz'),
        guard: route('wkkgz'),
        omschrijving: 'klacht over zorg: naar de klachtenfunctionaris van de zorgaanbieder',
        grondslag: 'Wkkgz 13, 15',
        acties: [...INTAKE_ACTIES, { type: 'doorzenden', params: { naar: 'klachtenfunctionaris', alleenVanGemeente: true } }],
      }),
    );
  }
  t.push(
    overgang({
      naar: naar('bijAanbieder'),
      guard: route('bijAanbieder'),
      omschrijving: 'ingediend bij de aanbieder: de aanbieder behandelt ("klaag daar waar het is misgegaan")',
      grondslag: 'Klachtenprotocol Wmo keten Amsterdam §5A; Uitgangspunten klachtenmanagement Sociaal Domein §5A',
      // Filed at the aanbieder: the aanbieder tells the gemeente it registered the klacht.
      acties: [
        ...INTAKE_ACTIES,
        ...(contactVoor(def, 'aanbieder') ? startTermijn(cc, 'contact', 'event', undefined, 'aanbieder') : []),
        ...startTermijn(cc, 'aanbiederAfhandeling'),
        ...terugkoppelingActies(cc, 'registratie'),
      ],
    }),
  );
  // Only a definition that can forward gets the forwarding route (Awb titel 9.1: the gemeente may handle every klacht itself).
  if (kanDoorsturenNaarAanbieder(def)) {
    t.push(
      overgang({
        naar: naar('doorgestuurdNaarAanbieder'),
        guard: route('doorgestuurdNaarAanbieder'),
        omschrijving: el.doorsturenNaarAanbieder
          ? `doorsturen naar de aanbieder (warme doorverwijzing) als ${beschrijfVoorwaarde(el.doorsturenNaarAanbieder)}`
          : 'doorsturen naar de aanbieder (warme doorverwijzing): de aanbieder is de eerste lijn',
        grondslag: 'Awb 2:3; eersteLijn.doorsturenNaarAanbieder',
        acties: INTAKE_ACTIES,
      }),
    );
  }
  t.push(
    overgang({
      naar: naar('gemeente'),
      guard: route('gemeente'),
      omschrijving: el.behandelingDoorGemeente
        ? `de gemeente behandelt (${el.gemeenteLoket}) als ${beschrijfVoorwaarde(el.behandelingDoorGemeente)}, of als doorsturen niet past`
        : `de gemeente behandelt (${el.gemeenteLoket})`,
      grondslag: 'Awb 9:1, 9:2',
      acties: [...INTAKE_ACTIES, 'viaOmbudsmanAlsNodig'],
    }),
  );
  return {
    states: {
      nieuw: toestand({
        omschrijving: 'Nieuw: nog niet ontvangen',
        fase: 'intake',
        on: {
          KLACHT_ONTVANGEN: [
            // Without a valid intake no route guard can decide; refuse with a reason.
            ...t.map((o) => ({ ...o, guard: { type: 'intakeEnRoute', params: (o.guard as { params: Record<string, unknown> }).params } })),
          ],
        },
      }),
    },
  };
};
