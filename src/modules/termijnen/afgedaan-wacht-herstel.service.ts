import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { KLOK, systeemKlok, type Klok } from '../../common/klok';
import { JAAR_NA_AFDOENING_AANBIEDER, REACTIE_KLAGER, WACHT_OP_KLAGER } from '../../machines/compiler/wacht-op-klager';
import { speelAf } from '../../machines/migratie';
import { EngineService } from '../engine/engine.service';
import { historieVan, VERSIE_GEMIGREERD } from '../versiemigratie/versiemigratie.service';
import { SYSTEEM_ACTOR } from './termijn-wake.service';

/** The state where a klacht waits for the klager's answer after the aanbieder's afdoening (aanbieder.block.ts). */
export const AFGEDAAN_BIJ_AANBIEDER = 'bijAanbieder.afgedaan';

/** Why the wait of one klacht was (not) brought up to date. */
export interface HerstelUitkomst {
  klachtId: string;
  /** The wait's termijn that now runs (absent: none can run for this klacht, or it was not brought up to date). */
  termijn?: string;
  vervaldatum?: string;
  /** Why it was left as it was (the operator's work: docs/juridisch-kader.md §13.1). */
  overgeslagen?: string;
}

/**
 * Klachten that reached `bijAanbieder.afgedaan` before the wait there was bounded (wacht-op-klager.ts) have no termijn:
 * nothing ever ends them. Each gets the state it would have had under today's rules, as a version migration gives one
 * (src/machines/migratie.ts): its own history replayed on its own version, here the version as Klachtenregie now compiles
 * it. Only when the replay ends in the same state and every termijn that runs now runs there with the same last day does
 * the klacht take the replayed snapshot; the only change is then the wait's termijn from the day of the afdoening (Awb
 * 9:24 lid 1 sub a by analogy) and the afdoening's moment. It is written as any step, under the klacht's row lock, with a
 * history line (VERSIE_GEMIGREERD to the same version, with the reason), so the termijn rows, their wake-ups and the views
 * follow. Anything else is left alone and logged, naming the klacht and why (the operator's work). A wait whose last day
 * has already passed expires at the next sweep and closes the klacht ('niet bereikt', the loket told).
 *
 * Runs once when a worker process starts; a klacht the new rules brought to afgedaan carries afgedaanDoorAanbiederOp
 * and is never picked, so a second run (or a second worker) changes nothing.
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
    this.bezig = this.voerUit().catch((e: unknown) => this.logger.error(`Wachttermijnen na afdoening door de aanbieder: ${String(e)}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bezig;
  }

  /** Every open klacht in afgedaan from before the rule: its wait brought up to date, or the reason it was not. */
  async voerUit(): Promise<HerstelUitkomst[]> {
    const rijen: { id: string }[] = await this.dataSource.query(
      `select id from klacht where not done and state = $1 and (snapshot -> 'context' ->> 'afgedaanDoorAanbiederOp') is null
         and not (coalesce(snapshot -> 'context' -> 'termijnen', '{}'::jsonb) ?| $2::text[]) order by id`,
      [AFGEDAAN_BIJ_AANBIEDER, [...WACHT_OP_KLAGER]],
    );
    const uit: HerstelUitkomst[] = [];
    for (const { id } of rijen) {
      const u = await this.herstel(id);
      if (u) uit.push(u);
    }
    const gedaan = uit.filter((u) => !u.overgeslagen).length;
    if (uit.length)
      this.logger.log(`Wachttermijn na afdoening door de aanbieder: ${gedaan} van ${uit.length} lopende klacht(en) bijgewerkt`);
    for (const u of uit.filter((x) => x.overgeslagen))
      this.logger.warn(
        `Klacht ${u.klachtId} in ${AFGEDAAN_BIJ_AANBIEDER} niet bijgewerkt: ${u.overgeslagen} (docs/juridisch-kader.md §13.1)`,
      );
    return uit;
  }

  /** One klacht, in a transaction of its own; undefined when another process did it first. */
  private herstel(klachtId: string): Promise<HerstelUitkomst | undefined> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.engine.vergrendel(m, klachtId);
      const context = (row.snapshot as { context?: Record<string, unknown> } | null)?.context ?? {};
      const lopend = (context.termijnen ?? {}) as Record<string, unknown>;
      if (row.done || row.state !== AFGEDAAN_BIJ_AANBIEDER || context.afgedaanDoorAanbiederOp || WACHT_OP_KLAGER.some((n) => n in lopend))
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
        .filter((t) => !WACHT_OP_KLAGER.includes(t.naam))
        .map((t) => `${t.naam}@${t.vervaldatum}`)
        .sort();
      if (nu.join() !== straks.join())
        return overgeslagen(
          `de lopende termijnen zouden veranderen (nu: ${nu.join(', ') || 'geen'}; opnieuw afgespeeld: ${straks.join(', ') || 'geen'})`,
        );
      const wacht = r.termijnen.find((t) => WACHT_OP_KLAGER.includes(t.naam));
      const versie = row.definitieVersie;
      const reden = wacht
        ? `termijn ${wacht.label} (tot en met ${wacht.vervaldatum}) vanaf de afdoening door de aanbieder: ${
            wacht.naam === JAAR_NA_AFDOENING_AANBIEDER ? 'Awb 9:24 lid 1 sub a (naar analogie)' : `${REACTIE_KLAGER} van de regeling`
          }; de klacht wacht niet langer onbeperkt op de reactie van de klager`
        : 'de afdoening door de aanbieder vastgelegd (Awb 9:24 lid 1 sub a); er loopt geen termijn: de regeling kent er geen';
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
      return { klachtId, ...(wacht ? { termijn: wacht.naam, vervaldatum: wacht.vervaldatum } : {}) };
    });
  }
}
