import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { type AppConfig, InjectConfig } from '../../config';
import { opvolgersVan } from '../../machines';
import { bouwCloudEvent, cloudEventType, gemeenteVanOutbox, typeMatcht } from './cloud-event';
import { WebhookQueue } from './webhook-queue';
import { OUTBOX_TYPES } from '../outbox/outbox.types';

/** One advisory lock for the fan-out: one process at a time turns outbox rows into deliveries. */
const UITGIFTE_LOCK = 5_000_452;
const BATCH = 500;

interface OutboxRij {
  id: string;
  klacht_id: string | null;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
  gemeente: string | null;
  aanbieders: { id: string }[] | null;
}

interface AbonnementRij {
  id: string;
  gemeente: string;
  typen: string[];
  aanbieder_id: string | null;
  aanbieder_gemeente: string | null;
}

/**
 * Whether a row concerns this aanbieder, known by its id in the id space of `idGemeente` (an id is chosen per gemeente,
 * so after a herindeling Amsterdam's 'zorg-x' is not Weesp's; Wet arhi art. 40, AVG art. 5 lid 1 sub f): one of the
 * aanbieders of a klacht of that gemeente, or (report rows) the aanbieder in the payload of that gemeente's id space.
 */
export function betreftAanbieder(
  r: Pick<OutboxRij, 'klacht_id' | 'aanbieders' | 'payload' | 'gemeente'>,
  aanbiederId: string,
  idGemeente: string,
): boolean {
  if (r.klacht_id) return r.gemeente === idGemeente && (r.aanbieders ?? []).some((x) => x.id === aanbiederId);
  const payloadGemeente = r.payload.aanbiederGemeente ?? r.payload.gemeente;
  return r.payload.aanbiederId === aanbiederId && payloadGemeente === idGemeente;
}

/**
 * The types of the events this row retracts, whose subscribers must hear of it whatever type they chose: a late act of a
 * termijn's last day, registered after the wake-up at midnight, undoes that wake-up (Awb 9:11 lid 1 and 2: the last day
 * counts in full; payload `verlopenHerroepen`). A subscriber of only `.klacht.afgedaan` was told that the wake-up closed
 * the klacht (the klacht's last status change announced before this row was final), and one of only `.termijn.verlopen`
 * that this termijn passed (an earlier `termijn.verlopen` row of the klacht names it): each gets the status change or
 * termijn event that says it did not happen, instead of keeping a closure or expiry that never was. Only such rows (rare)
 * ask the outbox anything.
 */
export async function herroeptVoor(m: EntityManager, r: Pick<OutboxRij, 'id' | 'klacht_id' | 'type' | 'payload'>): Promise<string[]> {
  if (r.payload.verlopenHerroepen !== true || !r.klacht_id) return [];
  if (r.type === OUTBOX_TYPES.statusGewijzigd && r.payload.done !== true && typeof r.payload.vanGemeld === 'string') {
    const [vorige] = (await m.query(
      `SELECT payload->'done' = 'true'::jsonb AS done FROM outbox
        WHERE klacht_id = $1 AND type = $2 AND id < $3 ORDER BY id DESC LIMIT 1`,
      [r.klacht_id, OUTBOX_TYPES.statusGewijzigd, r.id],
    )) as { done: boolean | null }[];
    return vorige?.done ? ['nl.klachtregie.klacht.afgedaan'] : [];
  }
  if ((r.type === OUTBOX_TYPES.termijnBeeindigd || r.type === OUTBOX_TYPES.termijnGepland) && typeof r.payload.termijnId === 'string') {
    const gemeld = (await m.query(
      `SELECT 1 FROM outbox WHERE klacht_id = $1 AND type = $2 AND id < $3 AND payload->>'termijnId' = $4 LIMIT 1`,
      [r.klacht_id, OUTBOX_TYPES.termijnVerlopen, r.id, r.payload.termijnId],
    )) as unknown[];
    return gemeld.length ? ['nl.klachtregie.termijn.verlopen'] : [];
  }
  return [];
}

/**
 * Fans committed outbox rows out into `webhook_aflevering` rows, one per matching active
 * subscription, in outbox order. It reads the outbox itself (rows not yet in `webhook_uitgifte`)
 * instead of trusting the order in which the relay hands rows over, so a row that committed late
 * is still fanned out, and running it twice creates nothing twice (unique subscription + event id).
 * Only unprocessed outbox rows are looked at (the partial index `IDX_outbox_unprocessed`): the relay
 * marks a row processed only after this fan-out, run from its handler, has succeeded for it.
 * Ordering: deliveries are serialised per subscription and `klacht_id`; report rows have no klacht,
 * so per subscription they form one stream of their own (reminder before escalation before
 * gegenereerd), apart from every klacht's stream. They are few (a handful per period), so one
 * stream costs nothing and needs no extra ordering column.
 * Tenancy: a subscription of gemeente A gets the rows of every gemeente G with A in `opvolgersVan(G, today)`: after a
 * herindeling the remaining gemeente handles the dissolved one's running klachten (Wet algemene regels herindeling
 * art. 40 e.v.), so Amsterdam's systems hear of Weesp's. The delivery is the subscription's (its gemeente is A's, as
 * the deliveries list and resend read it); the CloudEvent keeps naming the klacht's own gemeente.
 */
@Injectable()
export class WebhookUitgifteService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: WebhookQueue,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  /** Fans out everything pending; returns the number of deliveries created. */
  async verwerk(): Promise<number> {
    let totaal = 0;
    for (;;) {
      const { rijen, nieuw } = await this.batch();
      totaal += nieuw.length;
      for (const n of nieuw) {
        await this.queue.plan(n.id, 0).catch((e: Error) => this.logger.warn(`Enqueue ${n.id}: ${e.message} (the sweep retries)`));
      }
      if (rijen < BATCH) return totaal;
    }
  }

  private async batch(): Promise<{ rijen: number; nieuw: { id: string }[] }> {
    return this.dataSource.transaction(async (m) => {
      // Serialised: a fan-out that started before a row committed must not make another skip it.
      await m.query('SELECT pg_advisory_xact_lock($1)', [UITGIFTE_LOCK]);
      const rijen = (await m.query(
        `SELECT o.id, o.klacht_id, o.type, o.payload, o.created_at, k.gemeente, k.aanbieders
           FROM outbox o
           LEFT JOIN klacht k ON k.id = o.klacht_id
          WHERE o.processed_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM webhook_uitgifte u WHERE u.outbox_id = o.id)
          ORDER BY o.id
          LIMIT ${BATCH}`,
      )) as OutboxRij[];
      if (rijen.length === 0) return { rijen: 0, nieuw: [] };
      // Rows without klacht (report schedule) carry their gemeente in the payload; a row whose tenant is unknown goes to nobody.
      const gemeenten = new Set(rijen.map((r) => gemeenteVanOutbox(r.gemeente, r.payload)).filter((g): g is string => !!g));
      // Per row gemeente, the gemeenten that answer for its klachten today (Wet arhi art. 40 e.v.): itself and, after a
      // herindeling, the one it went into. Their subscriptions are the ones read. Today is the Amsterdam calendar day of
      // the injected clock.
      const vandaag = vandaagVan(this.klok);
      const bediendDoor = new Map([...gemeenten].map((g) => [g, opvolgersVan(g, vandaag)]));
      const nodig = [...new Set([...bediendDoor.values()].flat())];
      const abonnementen = nodig.length
        ? ((await m.query(
            `SELECT id, gemeente, typen, aanbieder_id, aanbieder_gemeente FROM webhook_abonnement WHERE actief AND gemeente = ANY($1)`,
            [nodig],
          )) as AbonnementRij[])
        : [];
      const nieuw: { id: string }[] = [];
      for (const r of rijen) {
        const gemeente = gemeenteVanOutbox(r.gemeente, r.payload);
        const type = cloudEventType(r.type, r.payload);
        if (!gemeente || !type) continue;
        const event = bouwCloudEvent({
          outboxId: String(r.id),
          outboxType: r.type,
          type,
          source: this.config.cloudEventsSource,
          gemeente,
          klachtId: r.klacht_id,
          createdAt: new Date(r.created_at),
          payload: r.payload,
        });
        const ook = abonnementen.length ? await herroeptVoor(m, r) : [];
        for (const a of abonnementen) {
          if (!bediendDoor.get(gemeente)?.includes(a.gemeente)) continue;
          if (!typeMatcht(a.typen, type) && !ook.some((o) => typeMatcht(a.typen, o))) continue;
          if (a.aanbieder_id && !betreftAanbieder(r, a.aanbieder_id, a.aanbieder_gemeente ?? a.gemeente)) continue;
          const ins = (await m.query(
            `INSERT INTO webhook_aflevering (abonnement_id, gemeente, event_id, event_type, klacht_id, sequence, cloud_event)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (abonnement_id, event_id) DO NOTHING
             RETURNING id`,
            // The subscription's gemeente: the delivery is listed and resent by the subscriber's own code.
            [a.id, a.gemeente, event.id, type, r.klacht_id, r.id, JSON.stringify(event)],
          )) as { id: string }[];
          nieuw.push(...ins);
        }
      }
      await m.query(`INSERT INTO webhook_uitgifte (outbox_id) SELECT unnest($1::bigint[]) ON CONFLICT DO NOTHING`, [
        rijen.map((r) => r.id),
      ]);
      return { rijen: rijen.length, nieuw };
    });
  }
}
