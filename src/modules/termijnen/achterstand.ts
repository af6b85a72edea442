import { ProblemException } from '../../common/problem';
import type { Klok } from '../../common/klok';
import type { EntityManager } from 'typeorm';
import { WekkerAchterstandError } from '../engine/engine.errors';
import { achterstalligeTermijn } from '../engine/engine.service';
import { TermijnEntity } from './termijn.entity';
import type { TermijnWakeService } from './termijn-wake.service';

/**
 * Rounds of wake-up and retry for one event: a wake-up's step may start a termijn that is itself due before the event
 * (a second achterstand); a klacht has a handful of termijnen, so a few rounds suffice.
 */
export const MAX_ACHTERSTANDRONDES = 5;

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
  for (let ronde = 0; ; ronde++) {
    try {
      return await werk(wekkersBij);
    } catch (e) {
      if (!(e instanceof WekkerAchterstandError)) throw e;
      if (ronde >= MAX_ACHTERSTANDRONDES) {
        // Still behind after as many wake-ups (each firing another that the previous one started): nothing
        // was written; the caller may try again shortly.
        throw new ProblemException({
          status: 503,
          code: 'termijn-nog-niet-verwerkt',
          title: 'Termijn nog niet verwerkt',
          detail: `${e.message}; er is niets gewijzigd, probeer het zo opnieuw.`,
        });
      }
      // As of the event's moment at least: it may lie a few minutes ahead of our clock (controleerTijdstip's tolerance).
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
      // The wake-up did not fire it: another process did meanwhile (the klacht now shows it). Then the event is stepped on
      // the klacht as it stands, as it was before this catch-up existed: never refused for a wake-up that is not ours to run.
      if (uitkomst !== 'verwerkt') wekkersBij = false;
    }
  }
}

/**
 * Fires, for a caller that changes klachten other than by an event through the engine (a version migration, a hand-over
 * at contract end), every termijn of these klachten that passed at or before `op` whose wake-up has not run yet, by the
 * engine's own rule for an event at `op` (achterstalligeTermijn: a suspended termijn does not pass): per klacht the
 * latest one's wake-up fires the earlier ones first, in order (TermijnWakeService.verval), with their escalations and
 * webhooks, as the worker would. A termijn passes on its day, whatever the change does next (Awb 9:11 lid 1, 9:24 lid 1
 * sub b): the klager may go to the ombudsman from then, and the klacht was te laat. A wake-up that is not ours to run
 * (the klacht is being imported, or another process fired it) ends that klacht's catch-up: the change then sees it as
 * it stands. One query per round for all of them.
 */
export async function haalWekkersIn(wake: TermijnWakeService, m: EntityManager, klachtIds: readonly string[], op: Date): Promise<void> {
  let open = [...new Set(klachtIds)];
  for (let ronde = 0; ronde < MAX_ACHTERSTANDRONDES && open.length; ronde++) {
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
      const uitkomst = await wake.verval({ klachtId, termijnNaam: t.naam, revision: t.revision, kind: 'verval' }, op);
      if (uitkomst === 'verwerkt') verder.push(klachtId);
    }
    open = verder;
  }
}
