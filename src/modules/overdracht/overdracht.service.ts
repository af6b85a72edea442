import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { ProblemException } from '../../common/problem';
import { dagNa } from '../../machines/definition/lint-hulp';
import { GEBEURTENISSEN } from '../../machines/compiler/gebeurtenissen';
import { klachtGemeenten, type Tenant } from '../auth/tenant';
import { DossierService } from '../dossier/dossier.service';
import { GebeurtenisNietToegestaanError } from '../engine/engine.errors';
import { EngineService } from '../engine/engine.service';
import { KlachtEntity } from '../klachten/klacht.entity';
import { volgendeEventsOp } from '../klachten/volgende-events';
import { haalWekkersIn, metWekkersBij } from '../termijnen/achterstand';
import { nogAchter, nogAchterReden } from '../termijnen/inhaal-achter';
import { TermijnWakeService } from '../termijnen/termijn-wake.service';
import { AanbiederOverdrachtEntity, OvergedragenKlachtEntity } from './overdracht.entity';
import { DossierInzageEntity } from '../auth/dossier-inzage.entity';
import { maakTar, type TarBestand } from './tar';

export const OVERDRACHT_FORMAAT = 'klachtregie-overdracht/1';

/** A klacht of the aanbieder this hand-over leaves out (draagOver), with why: the manifest's `nietMeegenomen`. */
export interface NietMeegenomen {
  klacht: string;
  reden: string;
}

/** What to do about a klacht left out (nogAchterReden). */
const OPNIEUW = {
  naImport: 'niet overgenomen en niet in dit archief, draag opnieuw over zodra haar import klaar is',
  anders: 'niet overgenomen en niet in dit archief, draag zo opnieuw over',
};
/**
 * `naam` as an event of the machines' list (GEBEURTENISSEN, src/machines/compiler/gebeurtenissen.ts), checked when this
 * module loads: an event renamed or removed there stops the service's start (and every test that loads the hand-over)
 * with this message, instead of the hand-over silently taking over no klacht (the name is not in any `volgendeEvents`).
 */
export function gebeurtenisUitLijst(naam: string): string {
  if (!Object.prototype.hasOwnProperty.call(GEBEURTENISSEN, naam)) {
    throw new Error(
      `De overdracht gebruikt gebeurtenis ${naam}, die niet (meer) in GEBEURTENISSEN staat (src/machines/compiler/gebeurtenissen.ts): ` +
        'pas src/modules/overdracht/overdracht.service.ts aan op de nieuwe naam.',
    );
  }
  return naam;
}

/** aanbieder.block.ts: the gemeente takes over a klacht still with the aanbieder (Klachtenprotocol Wmo keten Amsterdam §9). */
export const CONTRACT_BEEINDIGD = gebeurtenisUitLijst('AANBIEDER_CONTRACT_BEEINDIGD');
/** How often draagOver makes the hand-over again when an act on its klachten came in between, before it answers 409. */
const POGINGEN = 5;

/** What a hand-over gives back: the archive, the record, and which klachten it took over or left out. */
export interface Overgedragen {
  archief: Buffer;
  overdracht: AanbiederOverdrachtEntity;
  aanbiederGemeente: string;
  overgenomen: string[];
  nietMeegenomen: NietMeegenomen[];
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, 'utf8');

function plusDagen(d: string, n: number): string {
  let x = d;
  for (let i = 0; i < n; i++) x = dagNa(x);
  return x;
}

/**
 * Contract end (Klachtenprotocol Wmo keten Amsterdam §9): every klacht of one aanbieder, current and
 * historical, as one archive for the gemeente (docs/brieven-en-dossier.md: manifest.json and SHA256SUMS
 * over every file), after which the aanbieder no longer reaches them. Repeatable: a second hand-over
 * exports the same klachten again.
 */
@Injectable()
export class OverdrachtService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dossier: DossierService,
    private readonly engine: EngineService,
    private readonly wake: TermijnWakeService,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  /**
   * Hands over the klachten of one aanbieder: gemeente + id. An aanbieder id is chosen per gemeente, so after a herindeling
   * the dissolved gemeente's 'zorgbalans' is another organisation than the successor's (Wet arhi art. 40 e.v.): only the
   * klachten of `aanbiederGemeente` (the gemeente that chose the id: the tenant's own, or one of `klachtGemeenten(tenant)`
   * it took in, checked by the caller) naming the id, never those of the other gemeente's aanbieder with the same id.
   */
  async draagOver(
    tenant: Tenant,
    aanbiederId: string,
    contractEinde: string,
    aanbiederGemeente: string = tenant.gemeente,
  ): Promise<Overgedragen> {
    // Serial with the acts on these klachten (Klachtenprotocol Wmo keten Amsterdam §9): an attempt records the hand-over
    // only when, under the klachten's row locks, the aanbieder's klachten and their rows are as it archived them;
    // otherwise an act committed in between (an ombudsman request that made a klacht naming the aanbieder, a step) and
    // the hand-over is made again on the klachten as they now stand, as if it had come after that act.
    const overgenomen = new Set<string>();
    for (let poging = 1; poging <= POGINGEN; poging++) {
      const uit = await this.poging(tenant, aanbiederId, contractEinde, aanbiederGemeente, overgenomen);
      if (uit) return uit;
    }
    throw ProblemException.conflict(
      'overdracht-gelijktijdig',
      'De klachten veranderden tijdens de overdracht',
      `Tijdens ${POGINGEN} pogingen veranderde steeds een klacht van ${aanbiederId} terwijl de overdracht haar archief maakte; er is niets vastgelegd en de aanbieder houdt toegang. Draag zo opnieuw over.`,
    );
  }

  /** The klachten of the aanbieder (gemeente + id), in the hand-over's order (received, then id). */
  private async klachtenVan(m: EntityManager, aanbiederGemeente: string, aanbiederId: string): Promise<KlachtEntity[]> {
    return m
      .getRepository(KlachtEntity)
      .createQueryBuilder('k')
      .where('k.gemeente = :gemeente AND k.aanbieders @> CAST(:a AS jsonb)', {
        gemeente: aanbiederGemeente,
        a: JSON.stringify([{ id: aanbiederId }]),
      })
      .orderBy('k.ontvangen_op', 'ASC')
      .addOrderBy('k.id', 'ASC')
      .getMany();
  }

  /** The row versions (xmin) of the klachten `ids`: a step on a klacht writes its row, so a changed xmin is a changed klacht. */
  private async versies(m: EntityManager, ids: string[], slot = ''): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rijen = (await m.query(`SELECT id, xmin::text AS xmin FROM klacht WHERE id = ANY($1::uuid[]) ORDER BY id ${slot}`, [
      ids,
    ])) as Array<{
      id: string;
      xmin: string;
    }>;
    return new Map(rijen.map((r) => [r.id, r.xmin]));
  }

  /** One attempt of draagOver: its result, or undefined when an act on the klachten came in between (nothing recorded). */
  private async poging(
    tenant: Tenant,
    aanbiederId: string,
    contractEinde: string,
    aanbiederGemeente: string,
    overgenomen: Set<string>,
  ): Promise<Overgedragen | undefined> {
    const alle = await this.klachtenVan(this.dataSource.manager, aanbiederGemeente, aanbiederId);
    const nu = this.klok.nu();
    // Each klacht as it stands at the hand-over's moment (Awb 9:18, 9:24 lid 1 sub b): a termijn that passed before it
    // passed on its own day, whether or not the worker ran its wake-up; also for a klacht the gemeente does not take over
    // (one already at the gemeente), whose file the gemeente receives too (§9: actuele en historische bestanden).
    const achter = await this.wekkersBij(alle, nu);
    // A klacht the catch-up left behind (its wake-up is the import's to run, docs/import.md, or made no progress) still
    // shows a passed termijn running: taken over now, the takeover would lie before that expiry in its history, and its
    // file would show the termijn running. It is left out of this hand-over (not taken over, not archived, not recorded,
    // so the aanbieder still reaches it) and named with why; another hand-over picks it up once its expiry is on record.
    const nietMeegenomen = alle.flatMap((k) => {
      const a = achter.get(k.id);
      return a ? [{ klacht: k.id, reden: nogAchterReden(a, OPNIEUW) }] : [];
    });
    const klachten = alle.filter((k) => !achter.has(k.id));
    const ids = klachten.map((k) => k.id);
    for (const id of await this.neemLopendeOver(await this.herlees(ids), aanbiederId, nu, tenant.subject)) overgenomen.add(id);
    // The archive after the takeovers (Klachtenprotocol Wmo keten Amsterdam §9): what the gemeente receives is each
    // klacht as it was handed over, with the expiries fired above and the takeover itself in its history. The row
    // versions are read first: a step committed after them shows under the locks below, one before is in the archive.
    const versies = await this.versies(this.dataSource.manager, ids);
    const stand = await this.herlees(ids);
    const bestanden: TarBestand[] = [];
    for (const k of stand) bestanden.push(...(await this.dossierBestanden(k)));
    const uiterlijkOp = plusDagen(contractEinde, 14);
    const { archief, manifestSha256 } = this.archief(bestanden, nu, {
      formaat: OVERDRACHT_FORMAAT,
      gemeente: tenant.gemeente,
      aanbieder: aanbiederId,
      // The gemeente that chose the id: the aanbieder is gemeente + id.
      aanbiederGemeente,
      contractEinde,
      overdrachtUiterlijk: uiterlijkOp,
      gemaaktOp: nu.toISOString(),
      grondslag:
        'Klachtenprotocol Wmo keten Amsterdam §9: alle actuele en historische bestanden binnen twee weken na afloop van het contract, zonder kopie',
      klachten: ids,
      // Every klacht of this aanbieder the gemeente took over (Wmo 2015 art. 2.1.1), with the takeover's moment: by this
      // hand-over or by an earlier one, also one that failed halfway before its archive was made.
      overgenomen: await this.overnames(stand, aanbiederId),
      nietMeegenomen,
    });
    const overdracht: AanbiederOverdrachtEntity = {
      id: randomUUID(),
      gemeente: tenant.gemeente,
      aanbiederId,
      contractEinde,
      uiterlijkOp,
      klachten: klachten.length,
      manifestSha256,
      door: tenant.subject,
      at: nu,
    };
    // Recorded with the archive it made, and only then: the recorded manifest is the one the gemeente received, and a
    // hand-over that failed before it leaves the aanbieder the klachten still with it (a second hand-over takes them).
    // One row per klacht per hand-over (AVG art. 30: which hand-overs included a klacht, and when).
    // READ COMMITTED, whatever the server's default: the re-read under the locks must see what committed before them.
    const vastgelegd = await this.dataSource.transaction('READ COMMITTED', async (m) => {
      // The row locks every act on a klacht takes (the engine's step, an ombudsman request on its hoofdklacht), in id order
      // as the engine takes several (no deadlock): an act waiting for them comes after the hand-over and sees it (a
      // request copies the hoofdklacht's hand-over); one that committed before the locks changed what was archived.
      const onder = await this.versies(m, ids, 'FOR UPDATE');
      const nuVan = (await this.klachtenVan(m, aanbiederGemeente, aanbiederId)).map((k) => k.id);
      const gewijzigd =
        nuVan.length !== alle.length ||
        nuVan.some((id) => !alle.some((k) => k.id === id)) ||
        ids.some((id) => onder.get(id) !== versies.get(id));
      if (gewijzigd) return false;
      await m.insert(AanbiederOverdrachtEntity, overdracht);
      if (klachten.length) {
        await m.insert(
          OvergedragenKlachtEntity,
          ids.map((klachtId) => ({ klachtId, aanbiederId, overdrachtId: overdracht.id })),
        );
        // Every dossier in the archive was read out by whoever handed over (AVG art. 30, 32: every read of personal data is
        // traceable; art. 15 lid 1 sub c: the klager hears who received it), in the dossier's access log as any read.
        await m.insert(
          DossierInzageEntity,
          ids.map((klachtId) => ({
            gemeente: tenant.gemeente,
            klachtId,
            wie: tenant.subject,
            rol: tenant.rol,
            aanbiederId: tenant.aanbiederId ?? null,
          })),
        );
      }
      return true;
    });
    return vastgelegd ? { archief, overdracht, aanbiederGemeente, overgenomen: [...overgenomen], nietMeegenomen } : undefined;
  }

  /** The klachten `ids` as they stand now, in the hand-over's order (received, then id). */
  private async herlees(ids: string[]): Promise<KlachtEntity[]> {
    if (!ids.length) return [];
    const rijen = await this.dataSource.getRepository(KlachtEntity).findBy({ id: In(ids) });
    const per = new Map(rijen.map((k) => [k.id, k]));
    return ids.flatMap((id) => per.get(id) ?? []);
  }

  /**
   * Fires every wake-up of the klachten due at or before `nu` that the worker has not run (the rule an event at `nu` is
   * held to, achterstalligeTermijn), as the worker would: TermijnWakeService.verval on a klacht's latest due termijn fires
   * the earlier ones first, in order, with their escalations; their own jobs later find them fired (achterstand.ts
   * haalWekkersIn, as for a version migration). Awb 9:18 with 9:24 lid 1 sub b: a termijn passes on its day, so the
   * archive must not show it running. A wake-up that is not ours to run (the klacht is being
   * imported, or another process fired it) is left; a step that starts a termijn already due gets another round. A klacht
   * whose snapshot its regime cannot read (a row not written by a step) is archived as stored, as volgendeEventsOp
   * leaves it: one such historical row must not stop the hand-over. Returns the klachten that, read again after it, still
   * show a passed termijn running (nogAchter: one another process fired meanwhile is up to date now), with that termijn.
   */
  private async wekkersBij(klachten: KlachtEntity[], nu: Date): Promise<Awaited<ReturnType<typeof nogAchter>>> {
    const leesbaar = klachten.filter((k) => this.leesbaar(k, nu)).map((k) => k.id);
    await haalWekkersIn(this.wake, this.dataSource.manager, leesbaar, nu);
    return nogAchter(this.dataSource.manager, leesbaar, nu);
  }

  /**
   * The takeovers of the klachten running at this aanbieder (their first aanbieder; Wmo 2015 art. 2.1.1): the accepted
   * AANBIEDER_CONTRACT_BEEINDIGD in their history, with its moment.
   */
  private async overnames(klachten: KlachtEntity[], aanbiederId: string): Promise<Array<{ klacht: string; op: string }>> {
    const bij = klachten.filter((k) => k.aanbieders[0]?.id === aanbiederId).map((k) => k.id);
    if (!bij.length) return [];
    const rijen = (await this.dataSource.query(
      `SELECT klacht_id AS klacht, min(at) AS op FROM klacht_gebeurtenis
        WHERE klacht_id = ANY($1::uuid[]) AND type = $2 AND accepted GROUP BY klacht_id`,
      [bij, CONTRACT_BEEINDIGD],
    )) as Array<{ klacht: string; op: Date }>;
    const per = new Map(rijen.map((r) => [r.klacht, new Date(r.op).toISOString()]));
    return bij.flatMap((klacht) => (per.has(klacht) ? [{ klacht, op: per.get(klacht)! }] : []));
  }

  /**
   * The gemeente takes over every handed-over klacht still with the aanbieder (Klachtenprotocol Wmo keten Amsterdam §9;
   * Wmo 2015 art. 2.1.1): AANBIEDER_CONTRACT_BEEINDIGD, each its own durable engine step at the moment of the hand-over,
   * by the gemeente's caller. Only where the klacht's regime offers the event now; a refusal under the lock (the klacht
   * moved on meanwhile) is no error, that klacht is simply not with the aanbieder. After a failure halfway a second
   * hand-over takes over the rest. Returns the ids taken over.
   *
   * The klacht as it stands at the hand-over's moment (Awb 9:18, 9:24 lid 1 naar analogie): its list of events is asked
   * of its regime at `nu` (volgende-events.ts), not the list stored at its last step (written by an earlier release, or
   * on an earlier day); and a termijn of the aanbieder that passed before `nu` but whose wake-up the worker has not run
   * yet is fired first (draagOver's wekkersBij, and metWekkersBij here for one that fell due meanwhile: its expiry and
   * escalation; the afhandeltermijn of Klachtenprotocol Wmo keten Amsterdam §6 escalates to the Klachtenteam, which
   * watches the ketenpartners' handling, §1, §11), so the overschrijding is on record before the takeover stops that
   * termijn. Where the expiry itself moves the klacht away
   * from the aanbieder, the takeover is then refused and the klacht is not taken over.
   */
  private async neemLopendeOver(klachten: KlachtEntity[], aanbiederId: string, nu: Date, actor: string): Promise<string[]> {
    const overgenomen: string[] = [];
    for (const k of klachten) {
      if (!this.volgendeEventsOp(k, nu).includes(CONTRACT_BEEINDIGD)) continue;
      // The aanbieder a klacht goes to is its first (the doorzenden action); a klacht that also names this one but runs
      // at another aanbieder stays there.
      if (k.aanbieders[0]?.id !== aanbiederId) continue;
      const event = { type: CONTRACT_BEEINDIGD, at: nu.toISOString(), actor };
      try {
        await metWekkersBij(this.wake, this.klok, (wekkersBij) => this.engine.apply(k.id, event, { actor, wekkersBij }));
        overgenomen.push(k.id);
      } catch (e) {
        if (!(e instanceof GebeurtenisNietToegestaanError)) throw e;
      }
    }
    return overgenomen;
  }

  /**
   * The events the klacht takes at `op`, asked of its pinned definition version (volgende-events.ts); undefined without
   * that version loaded or with a snapshot it cannot read (a row not written by a step). The hand-over goes over every
   * klacht of the aanbieder, historical ones too, and one such row must not stop it.
   */
  private lijstOp(k: KlachtEntity, op: Date): string[] | undefined {
    try {
      return volgendeEventsOp(this.engine.regimeVan(k), k, op);
    } catch {
      return undefined;
    }
  }

  /** The events the klacht takes at `op` (lijstOp); its stored list when its regime cannot say. */
  private volgendeEventsOp(k: KlachtEntity, op: Date): string[] {
    return this.lijstOp(k, op) ?? k.volgendeEvents;
  }

  /** Whether the klacht's regime reads its snapshot (lijstOp), so a wake-up can step it. */
  private leesbaar(k: KlachtEntity, op: Date): boolean {
    return this.lijstOp(k, op) !== undefined;
  }

  /** Everything kept of one klacht: klacht.json (the klacht, its history, termijnen, letters, documents) and each document's content. */
  async dossierBestanden(k: KlachtEntity, extra: Record<string, unknown> = {}): Promise<TarBestand[]> {
    const [gebeurtenissen, termijnen, brieven, documenten] = await Promise.all([
      this.dataSource.query(
        'SELECT type, van_state AS "vanState", naar_state AS "naarState", actor, at, payload FROM klacht_gebeurtenis WHERE klacht_id = $1 AND accepted ORDER BY at, id',
        [k.id],
      ),
      this.dataSource.query(
        // A date column as the day it is (YYYY-MM-DD), as every view shows it: read raw, node-postgres makes it a Date at
        // the process's local midnight, which JSON writes as the instant before it in UTC (the previous day, in Amsterdam).
        `SELECT naam, label, to_char(vervaldatum, 'YYYY-MM-DD') AS vervaldatum, uitleg, status, grondslag, mutaties, beeindigd_op AS "beeindigdOp"
           FROM termijn WHERE klacht_id = $1 ORDER BY created_at, naam`,
        [k.id],
      ),
      this.dataSource.query(
        `SELECT id, soort, aan, grondslag, to_char(datum, 'YYYY-MM-DD') AS datum, status, sjabloon FROM brief WHERE klacht_id = $1 ORDER BY at, id`,
        [k.id],
      ),
      this.dossier.lijst(k.id),
    ]);
    const map = `klachten/${k.id}`;
    const inhoud: TarBestand[] = [];
    const docs: Array<Record<string, unknown>> = [];
    for (const d of documenten) {
      const pad = `${map}/documenten/${d.id}`;
      inhoud.push({ pad, inhoud: await this.dossier.inhoud(d) });
      docs.push({ id: d.id, soort: d.soort, titel: d.titel, mediaType: d.mediaType, sha256: d.sha256, briefId: d.briefId, pad });
    }
    // The engine's internal machine state is not a record of the klacht; its content is in the history.
    const { snapshot: _snapshot, ...klacht } = k;
    return [
      { pad: `${map}/klacht.json`, inhoud: json({ klacht, gebeurtenissen, termijnen, brieven, documenten: docs, ...extra }) },
      ...inhoud,
    ];
  }

  /** The archive format (docs/brieven-en-dossier.md): manifest.json, SHA256SUMS, then the files. */
  archief(bestanden: TarBestand[], nu: Date, kop: Record<string, unknown>): { archief: Buffer; manifestSha256: string } {
    const manifest = json({ ...kop, bestanden: bestanden.map((b) => ({ pad: b.pad, grootte: b.inhoud.length, sha256: sha(b.inhoud) })) });
    const sums = Buffer.from(
      [...bestanden.map((b) => `${sha(b.inhoud)}  ${b.pad}`), `${sha(manifest)}  manifest.json`].join('\n') + '\n',
      'utf8',
    );
    return {
      archief: maakTar([{ pad: 'manifest.json', inhoud: manifest }, { pad: 'SHA256SUMS', inhoud: sums }, ...bestanden], nu),
      manifestSha256: sha(manifest),
    };
  }

  /**
   * AVG art. 15: everything kept about the klager of one klacht (a klager is known to Klachtregie by the
   * klacht; the gemeente's own systems link it to a person), including who read the dossier (art. 15 lid 1 sub c).
   */
  async inzage(tenant: Tenant, klachtId: string): Promise<{ archief: Buffer; manifestSha256: string }> {
    const k = await this.dataSource.getRepository(KlachtEntity).findOneByOrFail({ id: klachtId, gemeente: In(klachtGemeenten(tenant)) });
    const gelezen = await this.dataSource.query(
      'SELECT at AS op, rol, aanbieder_id AS "aanbiederId" FROM dossier_inzage WHERE klacht_id = $1 ORDER BY at, id',
      [klachtId],
    );
    const nu = this.klok.nu();
    const bestanden = await this.dossierBestanden(k, { ingezienDoor: gelezen });
    return this.archief(bestanden, nu, {
      formaat: 'klachtregie-inzage/1',
      gemeente: tenant.gemeente,
      klacht: klachtId,
      gemaaktOp: nu.toISOString(),
      grondslag: 'AVG art. 15',
    });
  }

  /** Whether the contract end date is a real day no later than today (KLOK). */
  vandaag(): string {
    return vandaagVan(this.klok);
  }
}
