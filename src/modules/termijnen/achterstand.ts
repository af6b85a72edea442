import { ProblemException } from '../../common/problem';
import type { Klok } from '../../common/klok';
import type { EntityManager } from 'typeorm';
import { WekkerAchterstandError } from '../engine/engine.errors';
import { achterstalligeTermijn } from './verstreken-termijnen';
import { TermijnEntity } from './termijn.entity';
import type { TermijnWakeService } from './termijn-wake.service';

/**
 * Runs `werk` (an event through the engine, with EngineContext.wekkersBij) so that it sees every termijn that passed at or before its moment as passed,
 * also when the worker is behind (an outage, a queue backlog, the sweep's interval): the engine refuses to step it on a
 * klacht still showing such a termijn running (WekkerAchterstandError, nothing written); then that termijn's wake-up runs
 * here (TermijnWakeService.verval: under the klacht's lock, every earlier due termijn first, in order, exactly as the
 * worker would; its own job later finds it fired and does nothing) and the event is applied again. Awb 9:18 with 9:24
 * lid 1 sub b: a klager's request to the ombudsman after the afhandeltermijn passed is not refused because the wake-up
 * that opens the second line has not run yet. An act of the termijn's last day is not affected (its moment lies before
 * the due moment; regime.ts `inhalen` steps it before an expiry already fired).
 */
export async function metWekkersBij<T>(wake: TermijnWakeService, klok: Klok, werk: (wekkersBij: boolean) => Promise<T>): Promise<T> {
  let wekkersBij = true;
  // Every wake-up that ran here: each fires a termijn not fired before (and may start another that passed too, which the
  // next round fires: no fixed number of rounds, a klacht left long enough has a longer chain). The same one asked for
  // again means the wake-up made no progress.
  const gewekt = new Set<string>();
  for (;;) {
    try {
      return await werk(wekkersBij);
    } catch (e) {
      if (!(e instanceof WekkerAchterstandError)) throw e;
      const sleutel = `${e.klachtId}|${e.termijnNaam}|${e.revision}`;
      if (gewekt.has(sleutel)) {
        // Its wake-up ran and the klacht still shows it running: nothing was written; the caller may try again shortly.
        throw new ProblemException({
          status: 503,
          code: 'termijn-nog-niet-verwerkt',
          title: 'Termijn nog niet verwerkt',
          detail: `${e.message}; er is niets gewijzigd, probeer het zo opnieuw.`,
        });
      }
      // As of the event's moment at least: it may lie a few minutes ahead of our clock (controleerTijdstip's tolerance).
      gewekt.add(sleutel);
      const nu = new Date(Math.max(klok.nu().getTime(), Date.parse(e.at)));
      const uitkomst = await wake.verval({ klachtId: e.klachtId, termijnNaam: e.termijnNaam, revision: e.revision, kind: 'verval' }, nu);
      // The klacht is being imported (docs/import.md): the import fires its termijnen at their historic moments itself, so
      // the catch-up may not, and stepping the event on the klacht as it stands would end the passed termijnen 'verlopen'
      // without their expiry and escalation (Klachtenprotocol Wmo keten Amsterdam §6, §9) and break the import's order of
      // time. Nothing is written; the event can be sent again once that klacht's import line is done.
      if (uitkomst === 'import-bezig')
        throw ProblemException.conflict(
          'klacht-wordt-geimporteerd',
          'De klacht wordt geïmporteerd',
          `De klacht ${e.klachtId} wordt op dit moment geïmporteerd en haar termijn ${e.termijnNaam} is verstreken zonder dat de import die al verwerkte; er is niets gewijzigd, stuur de gebeurtenis opnieuw zodra de import klaar is.`,
        );
      // 'stale': another process fired it (or moved it) meanwhile. The catch-up goes on: that expiry may have started a
      // termijn that passed too, which nobody fired (the other process's catch-up stops at its own due moment); the next
      // round finds it, and the same termijn asked again ends in the 503 above. 'nog-niet': the row says the termijn runs
      // later than the klacht does (a row on another calendar): the event is stepped on the klacht as it stands, as before
      // this catch-up existed, never refused for a wake-up that is not ours to run.
      if (uitkomst === 'nog-niet') wekkersBij = false;
    }
  }
}

/**
 * Fires, for a caller that changes klachten other than by an event through the engine (a version migration, a hand-over
 * at contract end, an import), every termijn of these klachten that passed at or before `op` whose wake-up has not run
 * yet, by the engine's own rule for an event at `op` (achterstalligeTermijn: a suspended termijn does not pass): per klacht
 * the latest one's wake-up fires the earlier ones first, in order (TermijnWakeService.verval), with their escalations and
 * webhooks, as the worker would. A termijn passes on its day, whatever the change does next (Awb 9:11 lid 1, 9:24 lid 1
 * sub b): the klager may go to the ombudsman from then, and the klacht was te laat. An expiry may start a termijn that has
 * itself passed by `op`: the next round fires it, until none is left (no fixed number of rounds: it ends, as the latest
 * passed termijn of a klacht is due strictly later after every round, and due moments are day boundaries up to `op`). A
 * wake-up that is not ours to run (the klacht is being imported, or another process fired it), or one after which the
 * klacht still shows the same termijn passed, ends that klacht's catch-up: the change then sees it as it stands. Returns
 * those klachten, still behind. One query per round for all of them.
 */
export async function haalWekkersIn(wake: TermijnWakeService, m: EntityManager, klachtIds: readonly string[], op: Date): Promise<string[]> {
  let open = [...new Set(klachtIds)];
  const achter: string[] = [];
  /** Per klacht the due moment of the termijn its last round fired. */
  const vorige = new Map<string, number>();
  while (open.length) {
    const rijen = await m
      .getRepository(TermijnEntity)
      .createQueryBuilder('t')
      .where("t.klachtId = ANY(CAST(:open AS uuid[])) AND t.status = 'lopend' AND t.vervalGemeldOp IS NULL AND t.vervaltOp <= :op", {
        open,
        op,
      })
      .getMany();
    const per = new Map<string, TermijnEntity[]>();
    for (const t of rijen) per.set(t.klachtId, [...(per.get(t.klachtId) ?? []), t]);
    const verder: string[] = [];
    for (const [klachtId, termijnen] of per) {
      const t = achterstalligeTermijn(termijnen, op.toISOString());
      if (!t) continue;
      if (t.vervaltOp.getTime() <= (vorige.get(klachtId) ?? -Infinity)) {
        achter.push(klachtId);
        continue;
      }
      vorige.set(klachtId, t.vervaltOp.getTime());
      const uitkomst = await wake.verval({ klachtId, termijnNaam: t.naam, revision: t.revision, kind: 'verval' }, op);
      if (uitkomst === 'verwerkt') verder.push(klachtId);
      else achter.push(klachtId);
    }
    open = verder;
  }
  return achter;
}
