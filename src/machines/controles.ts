/**
 * The checks a service runs around `step` (RegimeControles in contract.ts), bound to one compiled
 * definition: event data against what the event type needs (a wrong value is a field error, not a
 * refusal of the state), registration values against the gemeente's lists, and the events a caller
 * may send now with the data each needs.
 */
import { getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import type { DataVeldBeschrijving, IsoDate, KlachtEvent, RegimeControles, VolgendeGebeurtenis } from './contract';
import {
  controleerGebeurtenisData,
  GEBEURTENISSEN,
  REGISTRATIE_VELD,
  SYSTEEM_GEBEURTENISSEN,
  omschrijvingVan,
  type DataVeld,
} from './compiler/gebeurtenissen';
import type { Gecompileerd } from './compiler/compile-definitie';
import { isOpgeschort } from './compiler/termijnen';
import { kanVerschuiven, VERSCHUIVING_VAN_EVENT } from './compiler/termijn-verschuiving';
import type { KlachtContext } from './compiler/types';
import type { Definitie } from './definition/types';
import { controleerFeiten, intakeVragen } from './feiten';
import { controleerRegistratie, registratieLijsten, registratieVanGebeurtenis } from './registratie';
import { kalenderdag } from './termijnen';
import { voorDeWekkers } from './voor-wekkers';

function dagVan(at: string): string | undefined {
  try {
    return kalenderdag(at);
  } catch {
    return undefined;
  }
}

export function maakControles(
  def: Definitie,
  gecompileerd: Gecompileerd,
  herstel: (snapshot: unknown) => AnyMachineSnapshot,
): RegimeControles {
  const termijnNamen = Object.keys(gecompileerd.ctx.specs);
  const past = (s: AnyMachineSnapshot, type: string) => s.status !== 'done' && getNextTransitions(s).some((t) => t.eventType === type);

  /**
   * The termijnen an event can name now: the running ones; for an event that moves a termijn only those the engine lets
   * it move (termijn-verschuiving.ts, the rule acties.ts refuses by): no opschorting where the regeling has none (Awb
   * 9:11 knows none), HERVATTEN only a suspended one, never the date the ombudsman set (Awb 9:31).
   */
  const termijnenVoor = (type: string, c: KlachtContext): string[] =>
    Object.values(c.termijnen)
      .filter((l) => {
        const soort = VERSCHUIVING_VAN_EVENT[type];
        const spec = gecompileerd.ctx.specs[l.naam];
        return soort === undefined || (spec !== undefined && kanVerschuiven(l.naam, spec, soort, isOpgeschort(l.mutaties)));
      })
      .map((l) => l.naam)
      .sort();

  const beschrijf = (v: DataVeld, termijnen: string[]): DataVeldBeschrijving => {
    const basis: DataVeldBeschrijving = { naam: v.naam, verplicht: v.verplicht, soort: v.soort, omschrijving: v.omschrijving };
    if (v.waarden) return { ...basis, waarden: [...v.waarden] };
    if (v.soort === 'termijn') return { ...basis, soort: 'keuze', waarden: termijnen };
    return basis;
  };

  return {
    controleerGebeurtenis(snapshot: unknown, event: KlachtEvent, opties: { vandaag?: IsoDate } = {}) {
      const nu = herstel(snapshot);
      // An act registered after wake-ups but done before them is checked where the regime steps it (regime.ts, inhalen).
      const s = voorDeWekkers(nu, herstel, event)?.klacht ?? nu;
      // An event that does not fit the state is the regime's refusal (409), whatever its data.
      if (!past(s, event.type)) return [];
      const c = s.context as KlachtContext;
      const data = controleerGebeurtenisData(event.type, event.data, {
        termijnen: termijnNamen,
        advies: c.advies,
        dag: dagVan(event.at),
        vandaag: opties.vandaag,
        ...(c.intake ? { ontvangen: dagVan(c.intake.ontvangenOp) } : {}),
      });
      const registratie = registratieVanGebeurtenis(def, event.type, event.data);
      return [...data, ...registratie.fouten];
    },
    registratieVan(event: KlachtEvent) {
      return registratieVanGebeurtenis(def, event.type, event.data).waarden;
    },
    controleerRegistratie(invoer: unknown, pad?: string) {
      return controleerRegistratie(def, invoer, pad);
    },
    controleerFeiten(feiten: unknown, pad?: string) {
      return controleerFeiten(def, feiten, pad);
    },
    intakeVragen() {
      return intakeVragen(def);
    },
    registratieLijsten() {
      return registratieLijsten(def);
    },
    volgendeGebeurtenissen(snapshot: unknown, types: string[]): VolgendeGebeurtenis[] {
      const s = herstel(snapshot);
      const c = s.context as KlachtContext;
      // After wake-ups since the last act the klacht also offers the steps of before them (regime.ts, mogelijkeEvents):
      // a verdaging of the last day names the termijn as it ran then, which the wake-up has since ended (Awb 9:11 lid 2).
      const voor = voorDeWekkers(s, herstel)?.klacht.context as KlachtContext | undefined;
      const keuzes = (type: string): string[] =>
        voor ? [...new Set([...termijnenVoor(type, c), ...termijnenVoor(type, voor)])].sort() : termijnenVoor(type, c);
      return (
        types
          .filter((t) => !SYSTEEM_GEBEURTENISSEN.has(t))
          // An event that must name a termijn while none fits (HERVATTEN with nothing suspended) cannot be sent now.
          .filter((t) => !GEBEURTENISSEN[t]?.velden.some((v) => v.soort === 'termijn' && v.verplicht) || keuzes(t).length > 0)
          .map((type) => ({
            type,
            omschrijving: omschrijvingVan(type),
            data: [...(GEBEURTENISSEN[type]?.velden ?? []), REGISTRATIE_VELD].map((v) => beschrijf(v, keuzes(type))),
          }))
      );
    },
  };
}
