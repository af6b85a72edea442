import type { CompiledRegime, KlachtEvent } from '../../machines/contract';
import { klokVan } from '../../machines/regime';
import { eindVanDag } from './termijn-tijd';

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
 * Steps, on the pure regime and before an event at `at`, every expiry the registration of that event would run first
 * (Awb 9:11 lid 1: a termijn passes on its own day, whoever fires it; achterstand.ts and TermijnWakeService.verval): each
 * termijn whose last day ended at or before `at` and that was not fired (`gevuurd`, by name and last day), in due order
 * (ties by name), at its due moment or the klacht's clock when that is later; an expiry may start a termijn that passed
 * too, which follows. A suspended termijn does not pass. What a dry run (the import's, "Bekijk de gevolgen") steps its event
 * on, so it accepts and refuses as the registration does. Pure.
 */
export function naVerstreken(regime: CompiledRegime, stand: StandInGeheugen, at: string, gevuurd = new Set<string>()): StandInGeheugen {
  const moment = Date.parse(at);
  let huidig = stand;
  for (;;) {
    const due = huidig.termijnen
      .filter((t) => !t.opgeschortSinds)
      .map((t) => ({ naam: t.naam, op: eindVanDag(t.vervaldatum), sleutel: `${t.naam}|${t.vervaldatum}` }))
      .filter((t) => t.op.getTime() <= moment && !gevuurd.has(t.sleutel))
      .sort((a, b) => a.op.getTime() - b.op.getTime() || a.naam.localeCompare(b.naam))[0];
    if (!due) return huidig;
    gevuurd.add(due.sleutel);
    const verloop: KlachtEvent = {
      type: 'TERMIJN_VERLOPEN',
      at: vervalMoment(due.op, klokVan(huidig.snapshot)).toISOString(),
      actor: 'systeem',
      data: { termijn: due.naam },
    };
    const r = regime.step(huidig.snapshot, verloop);
    if (r.accepted) huidig = r;
  }
}
