import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KLOK, systeemKlok, type Klok } from '../../common/klok';
import { JAAR_NA_AFDOENING_AANBIEDER, REACTIE_KLAGER, WACHT_OP_KLAGER } from '../../machines/compiler/wacht-op-klager';
import type { TermijnView } from '../../machines/contract';
import { GESCHIL_VOORLEGGEN } from '../../machines/compiler/termijnen';
import { speelAf } from '../../machines/migratie';
import { EngineService } from '../engine/engine.service';
import { historieVan, VERSIE_GEMIGREERD } from '../versiemigratie/versiemigratie.service';
import { SYSTEEM_ACTOR } from './termijn-wake.service';

/** The state where a klacht waits for the klager's answer after the aanbieder's afdoening (aanbieder.block.ts). */
export const AFGEDAAN_BIJ_AANBIEDER = 'bijAanbieder.afgedaan';
/** The state where a klacht waits for the klager after the zorgaanbieder's written outcome (bijzondere-regimes.block.ts). */
export const WKKGZ_UITKOMST_MEEGEDEELD = 'wkkgz.uitkomstMeegedeeld';

/** Why the wait of one klacht was (not) brought up to date. */
export interface HerstelUitkomst {
  klachtId: string;
  /** The wait's termijn that now runs (absent: none can run for this klacht, or it was not brought up to date). */
  termijn?: string;
  vervaldatum?: string;
  /** Why it was left as it was (the operator's work: docs/juridisch-kader.md §13.1). */
  overgeslagen?: string;
}

/** A state where a klacht waits for the klager, bounded by a termijn of his own only since a later rule. */
interface Wacht {
  state: string;
  /** The termijnen that bound the wait there (one runs under today's rules). */
  termijnen: readonly string[];
  /** Context field today's rules set on entering the state: a klacht that has it is never picked. */
  merk?: string;
  /**
   * The reason when the replay runs none of the termijnen (the regeling has none) but still records the moment the merk
   * holds; absent: such a klacht is left alone, for nothing would mark it as done and it would be picked again.
   */
  zonderTermijn?: string;
  /** The history line's reason for the termijn adopted. */
  reden(t: TermijnView): string;
}

/**
 * Every such wait: one list, one repair. The aanbieder's afdoening bounds the wait for the klager's answer
 * (wacht-op-klager.ts; Awb 9:24 lid 1 sub a by analogy, or the regeling's reactieKlager); the zorgaanbieder's written
 * outcome (Wkkgz 17 lid 1) starts the klager's window to take the geschil to the geschilleninstantie (Wkkgz 21 lid 1 sub
 * b; termijnen.ts GESCHIL_VOORLEGGEN).
 */
const WACHTEN: readonly Wacht[] = [
  {
    state: AFGEDAAN_BIJ_AANBIEDER,
    termijnen: WACHT_OP_KLAGER,
    merk: 'afgedaanDoorAanbiederOp',
    zonderTermijn: 'de afdoening door de aanbieder vastgelegd (Awb 9:24 lid 1 sub a); er loopt geen termijn: de regeling kent er geen',
    reden: (t) =>
      `termijn ${t.label} (tot en met ${t.vervaldatum}) vanaf de afdoening door de aanbieder: ${
        t.naam === JAAR_NA_AFDOENING_AANBIEDER ? 'Awb 9:24 lid 1 sub a (naar analogie)' : `${REACTIE_KLAGER} van de regeling`
      }; de klacht wacht niet langer onbeperkt op de reactie van de klager`,
  },
  {
    state: WKKGZ_UITKOMST_MEEGEDEELD,
    termijnen: [GESCHIL_VOORLEGGEN],
    reden: (t) =>
      `termijn ${t.label} (tot en met ${t.vervaldatum}) vanaf de schriftelijke uitkomst (Wkkgz 17 lid 1): Wkkgz 21 lid 1 sub b; ` +
      'de klacht wacht niet langer onbeperkt op de klager',
  },
];

/**
 * Klachten that reached a waiting state of WACHTEN before the wait there was bounded have no termijn: nothing ever ends
 * them. `bijAanbieder.afgedaan` got its wait in wacht-op-klager.ts, `wkkgz.uitkomstMeegedeeld` the klager's window after
 * the written outcome (Wkkgz 21 lid 1 sub b); a version migration refuses to add either (migratie.ts: a term of the
 * klager's own that would have begun before the migration). Each gets the state it would have had under today's rules,
 * as a version migration gives one (src/machines/migratie.ts): its own history replayed on its own version, here the
 * version as Klachtregie now compiles it. Only when the replay ends in the same state and every termijn that runs now
 * runs there with the same last day does the klacht take the replayed snapshot; the only change is then the wait's
 * termijn from the event that began the wait (the afdoening, Awb 9:24 lid 1 sub a by analogy; the written outcome) and,
 * for afgedaan, the afdoening's moment. It is written as any step, under the klacht's row lock, with a history line
 * (VERSIE_GEMIGREERD to the same version, with the reason), so the termijn rows, their wake-ups and the views follow.
 * Anything else is left alone and logged, naming the klacht and why (the operator's work). A wait whose last day has
 * already passed expires at the next sweep and closes the klacht ('niet bereikt', registratie.ts).
 *
 * Runs once when a worker process starts; a klacht the new rules brought to the state carries the wait's termijn (or,
 * in afgedaan, afgedaanDoorAanbiederOp) and is never picked, so a second run (or a second worker) changes nothing.
 */
@Injectable()
export class AfgedaanWachtHerstel implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AfgedaanWachtHerstel.name);
  private bezig?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: EngineService,
    @Optional() @Inject(KLOK) private readonly klok: Klok = systeemKlok,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the process starts while the klachten are brought up to date one by one; shutdown waits for it.
    this.bezig = this.voerUit().catch((e: unknown) => this.logger.error(`Wachttermijnen van de klager: ${String(e)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bezig;
  }

  /** Every open klacht in a waiting state from before its rule: its wait brought up to date, or the reason it was not. */
  async voerUit(): Promise<HerstelUitkomst[]> {
    const alle: HerstelUitkomst[] = [];
    for (const wacht of WACHTEN) {
      const rijen: { id: string }[] = await this.dataSource.query(
        `select id from klacht where not done and state = $1 and ($3::text is null or (snapshot -> 'context' ->> $3::text) is null)
           and not (coalesce(snapshot -> 'context' -> 'termijnen', '{}'::jsonb) ?| $2::text[]) order by id`,
        [wacht.state, [...wacht.termijnen], wacht.merk ?? null],
      );
      const uit: HerstelUitkomst[] = [];
      for (const { id } of rijen) {
        const u = await this.herstel(id, wacht);
        if (u) uit.push(u);
      }
      const gedaan = uit.filter((u) => !u.overgeslagen).length;
      if (uit.length) this.logger.log(`Wachttermijn in ${wacht.state}: ${gedaan} van ${uit.length} lopende klacht(en) bijgewerkt`);
      for (const u of uit.filter((x) => x.overgeslagen))
        this.logger.warn(`Klacht ${u.klachtId} in ${wacht.state} niet bijgewerkt: ${u.overgeslagen} (docs/juridisch-kader.md §13.1)`);
      alle.push(...uit);
    }
    return alle;
  }

  /** One klacht, in a transaction of its own; undefined when another process did it first. */
  private herstel(klachtId: string, wacht: Wacht): Promise<HerstelUitkomst | undefined> {
    // READ COMMITTED (ADR 0009): the history and termijnen read after the klacht lock are those its previous holder committed.
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
      const row = await this.engine.vergrendel(m, klachtId);
      const context = (row.snapshot as { context?: Record<string, unknown> } | null)?.context ?? {};
      const lopend = (context.termijnen ?? {}) as Record<string, unknown>;
      if (row.done || row.state !== wacht.state || (wacht.merk && context[wacht.merk]) || wacht.termijnen.some((n) => n in lopend))
        return undefined;
      const regime = this.engine.regimeVan(row);
      const historie = (await historieVan(m, [klachtId])).get(klachtId) ?? [];
      const { resultaat: r, fout } = speelAf(regime, historie);
      const overgeslagen = (reden: string): HerstelUitkomst => ({ klachtId, overgeslagen: reden });
      if (!r) return overgeslagen(`de historie laat zich niet opnieuw afspelen (${fout ?? 'geweigerd'})`);
      if (r.state !== row.state || r.done) return overgeslagen(`opnieuw afgespeeld staat de klacht in ${r.state}, niet in ${row.state}`);
      // Every termijn that runs now must run the same after the replay: only the wait may be added.
      const rijen = (await m.query(
        `select naam, vervaldatum::text as vervaldatum from termijn where klacht_id = $1 and status = 'lopend' order by naam`,
        [klachtId],
      )) as { naam: string; vervaldatum: string }[];
      const nu = rijen.map((t) => `${t.naam}@${t.vervaldatum}`).sort();
      const straks = r.termijnen
        .filter((t) => !wacht.termijnen.includes(t.naam))
        .map((t) => `${t.naam}@${t.vervaldatum}`)
        .sort();
      if (nu.join() !== straks.join())
        return overgeslagen(
          `de lopende termijnen zouden veranderen (nu: ${nu.join(', ') || 'geen'}; opnieuw afgespeeld: ${straks.join(', ') || 'geen'})`,
        );
      const termijn = r.termijnen.find((t) => wacht.termijnen.includes(t.naam));
      // Without the termijn nothing would mark the klacht as done, unless the state records its entry itself (merk).
      if (!termijn && !wacht.zonderTermijn) return overgeslagen(`opnieuw afgespeeld loopt geen ${wacht.termijnen.join(' of ')}`);
      const versie = row.definitieVersie;
      const reden = termijn ? wacht.reden(termijn) : (wacht.zonderTermijn ?? '');
      await this.engine.schrijfStap(
        m,
        row,
        row.state,
        {
          type: VERSIE_GEMIGREERD,
          at: this.klok.nu().toISOString(),
          actor: SYSTEEM_ACTOR,
          data: { vanVersie: versie, naarVersie: versie, reden },
        },
        { ...r, intents: [] },
        { actor: SYSTEEM_ACTOR },
      );
      return { klachtId, ...(termijn ? { termijn: termijn.naam, vervaldatum: termijn.vervaldatum } : {}) };
    });
  }
}
