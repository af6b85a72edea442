import type { CompiledRegime, KlachtEvent } from '../../machines/contract';
import { klokVan } from '../../machines/regime';
import { vervaltOpVolgensRegime } from './termijn-reconcile';
import { eindVanDag } from './termijn-tijd';
import { verstrekenTermijnen } from './verstreken-termijnen';

/** A running termijn as far as its passing goes: its name, last day, and whether it stands suspended. */
export interface LopendVoorVerloop {
  naam: string;
  vervaldatum: string;
  /** Set while suspended: a suspended termijn does not pass (docs/juridisch-kader.md §6). */
  opgeschortSinds?: string;
}

/** A klacht in memory: its snapshot, the state, and the termijnen running in it. */
export interface StandInGeheugen {
  snapshot: unknown;
  state?: string;
  termijnen: readonly LopendVoorVerloop[];
}

/**
 * The `at` of TERMIJN_VERLOPEN: the moment the termijn passed (`vervaltOp`, the start of the day
 * after its inclusive last day, so the regime's expiry guard "from the next day on" holds), not when
 * the wake-up happened to run. Never earlier than the klacht's clock (its last event): an event
 * recorded after the due moment (e.g. right after a backdated intake) would otherwise make the
 * regime refuse the expiry as lying before it. Later than the due moment is still after the last day.
 */
export function vervalMoment(vervaltOp: Date, klok: string | undefined): Date {
  const k = klok ? Date.parse(klok) : NaN;
  return Number.isFinite(k) && k > vervaltOp.getTime() ? new Date(k) : vervaltOp;
}

/**
 * The key `gevuurd` of naVerstreken holds a fired expiry by: name and last day. A row moved to another last day gets its
 * expiry back (the reconciliation clears its vervalGemeldOp), so a fired one counts on its own day only.
 */
export function verloopSleutel(t: Pick<LopendVoorVerloop, 'naam' | 'vervaldatum'>): string {
  return `${t.naam}|${t.vervaldatum}`;
}

/**
 * Steps, on the pure regime and before an event at `at`, every expiry the registration of that event would run first
 * (Awb 9:11 lid 1: a termijn passes on its own day, whoever fires it; achterstand.ts and TermijnWakeService.verval): each
 * termijn that passed by `at` and was not fired (`gevuurd`, by name and last day, verloopSleutel: the caller's rows whose
 * expiry already ran, and those stepped here), by the one rule of verstreken-termijnen.ts
 * (a suspended termijn does not pass; in due order, ties by name), at its due moment or the klacht's clock when that is
 * later; an expiry may start a termijn that passed too, which follows. A termijn whose expiry the regime refuses because
 * it runs it to a later last day than `stand` says (a row written under an older calendar: a day equated with a holiday
 * by decree since, Algemene termijnenwet art. 3 lid 3) has not passed: it takes the regime's day and passes on that one,
 * as the wake-up moves its row (TermijnWakeService.werkBij, vervaltOpVolgensRegime). What a dry run (the import's,
 * "Bekijk de gevolgen") steps its event on, so it accepts and refuses as the registration does. Pure.
 */
export function naVerstreken(
  regime: CompiledRegime,
  stand: StandInGeheugen,
  at: string,
  gevuurd = new Set<string>(),
  /** Receives every expiry stepped and accepted, in order: the history rows the registration will write for them. */
  verlopen?: KlachtEvent[],
): StandInGeheugen {
  const sleutel = verloopSleutel;
  let huidig = stand;
  for (;;) {
    const due = verstrekenTermijnen(huidig.termijnen, at, (t) => ({
      naam: t.naam,
      vervaltOp: eindVanDag(t.vervaldatum),
      lopend: true,
      gevuurd: gevuurd.has(sleutel(t)),
      opgeschort: Boolean(t.opgeschortSinds),
    }))[0];
    if (!due) return huidig;
    const op = eindVanDag(due.vervaldatum);
    const verloop: KlachtEvent = {
      type: 'TERMIJN_VERLOPEN',
      at: vervalMoment(op, klokVan(huidig.snapshot)).toISOString(),
      actor: 'systeem',
      data: { termijn: due.naam },
    };
    const r = regime.step(huidig.snapshot, verloop);
    const later = r.accepted ? undefined : r.termijnen.find((v) => v.naam === due.naam);
    if (later && vervaltOpVolgensRegime({ naam: due.naam, vervaltOp: op }, r.termijnen).getTime() > op.getTime()) {
      // Not passed on this day: the regime's own day holds (a new key, so it passes once on that day).
      huidig = { ...huidig, termijnen: huidig.termijnen.map((t) => (t === due ? { ...t, vervaldatum: later.vervaldatum } : t)) };
      continue;
    }
    gevuurd.add(sleutel(due));
    if (r.accepted) {
      huidig = r;
      verlopen?.push(verloop);
    }
  }
}
