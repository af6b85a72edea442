import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { type AppConfig, InjectConfig } from '../../config';
import { opheffing, opvolgersVan } from '../../machines';
import { bouwCloudEvent, cloudEventType, eventIdVoor, eventIdVoorOutbox, gemeenteVanOutbox, typeMatcht } from './cloud-event';
import { WebhookQueue } from './webhook-queue';
import { OUTBOX_TYPES } from '../outbox/outbox.types';
import { overgedragenSql } from '../auth/tenant';

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

/** What one row of an undone wake-up was about: the klacht's status, one termijn (by id), or an opdracht. */
function onderwerp(type: string, payload: Record<string, unknown>): string | undefined {
  if (type === OUTBOX_TYPES.statusGewijzigd) return 'status';
  if (type.startsWith(OUTBOX_TYPES.intent)) return 'opdracht';
  if (type.startsWith('termijn.') && typeof payload.termijnId === 'string') return `termijn:${payload.termijnId}`;
  return undefined;
}

/** The CloudEvent type of the withdrawal of a wake-up's opdrachten (docs/api.md): an opdracht, so `opdracht.*` gets it. */
export const OPDRACHTEN_HERROEPEN = 'nl.klachtregie.opdracht.opdrachten-herroepen';

/** What a retraction row (payload `verlopenHerroepen`) owes the subscriptions that heard of the wake-up it undoes. */
export interface Herroeping {
  /** Subscriptions that get this row whatever types they chose. */
  ontvangers: Set<string>;
  /** The opdrachten of the undone wake-ups (CloudEvent id and type), for the subscriptions that got any of them. */
  opdrachten?: { ontvangers: Set<string>; eventId: string; lijst: { id: string; type: string }[] };
}

/**
 * A late act of a termijn's last day, registered after the wake-up at midnight, undoes that wake-up (Awb 9:11 lid 1 and
 * 2: the last day counts in full; Awb 9:24 lid 1 sub b: nor did the klager's year start); its rows say so (payload
 * `verlopenHerroepen`). Every subscription that was told something by the undone wake-up must hear that it did not
 * happen, whatever types it chose: the one that got its closure gets the status change that undoes it, the one that got
 * anything of a termijn (its expiry, escalation, end with `teLaat`, or the start of the termijn it began) gets that
 * termijn's retraction, and the one that got its opdrachten (the letter that the klager may go to the Nationale
 * ombudsman, an escalation task) gets one opdracht withdrawing them, so no such letter goes out beside the verdaging's.
 * The undone wake-ups are the TERMIJN_VERLOPEN history rows the act marked undone (engine herroepWekkers: `herroepen` with
 * its type and moment); what each announced are the outbox rows carrying its correlation id (`termijn.<id>.<revision>`),
 * and who got them the deliveries of those events. Only such rows (rare) ask anything.
 */
export async function herroepingVan(
  m: EntityManager,
  r: Pick<OutboxRij, 'id' | 'klacht_id' | 'type' | 'payload'>,
  abonnementen: string[],
): Promise<Herroeping | undefined> {
  if (r.payload.verlopenHerroepen !== true || !r.klacht_id || abonnementen.length === 0) return undefined;
  const sleutel = onderwerp(r.type, r.payload);
  if (!sleutel || typeof r.payload.event !== 'string' || typeof r.payload.at !== 'string') return undefined;
  const wekkers = (
    (await m.query(
      `SELECT DISTINCT correlation_id FROM klacht_gebeurtenis
        WHERE klacht_id = $1 AND type = 'TERMIJN_VERLOPEN' AND NOT accepted AND correlation_id IS NOT NULL
          AND payload->'herroepen'->>'door' = $2 AND (payload->'herroepen'->>'at')::timestamptz = $3::timestamptz`,
      [r.klacht_id, r.payload.event, r.payload.at],
    )) as { correlation_id: string }[]
  )
    .map((w) => w.correlation_id)
    .sort();
  if (wekkers.length === 0) return undefined;
  const gemeld = (await m.query(
    `SELECT id, type, payload FROM outbox WHERE klacht_id = $1 AND id < $2 AND payload->>'correlationId' = ANY($3) ORDER BY id`,
    [r.klacht_id, r.id, wekkers],
  )) as { id: string; type: string; payload: Record<string, unknown> }[];
  const rijen = gemeld.map((g) => ({ ...g, eventId: eventIdVoorOutbox(String(g.id)), onderwerp: onderwerp(g.type, g.payload) }));
  const ontvangen = rijen.length
    ? ((await m.query(`SELECT abonnement_id, event_id FROM webhook_aflevering WHERE abonnement_id = ANY($1) AND event_id = ANY($2)`, [
        abonnementen,
        rijen.map((g) => g.eventId),
      ])) as { abonnement_id: string; event_id: string }[])
    : [];
  const wie = (o: string) => {
    const ids = new Set(rijen.filter((g) => g.onderwerp === o).map((g) => g.eventId));
    return new Set(ontvangen.filter((d) => ids.has(d.event_id)).map((d) => d.abonnement_id));
  };
  const opdrachten = rijen.filter((g) => g.onderwerp === 'opdracht');
  const opdrachtOntvangers = wie('opdracht');
  return {
    ontvangers: wie(sleutel),
    ...(opdrachtOntvangers.size
      ? {
          opdrachten: {
            ontvangers: opdrachtOntvangers,
            // One withdrawal per undone set of wake-ups: every retraction row of the act offers it, the first one places it.
            eventId: eventIdVoor(`opdrachten-herroepen:${r.klacht_id}:${wekkers.join(',')}`),
            lijst: opdrachten.map((g) => ({ id: g.eventId, type: cloudEventType(g.type, g.payload) ?? g.type })),
          },
        }
      : {}),
  };
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
 * Tenancy: a subscription of gemeente A gets the rows of every gemeente G with A in `opvolgersVan(G, today)` and A not
 * opgeheven by today: after a herindeling the remaining gemeente handles the dissolved one's running klachten (Wet
 * algemene regels herindeling art. 40 e.v.), so Amsterdam's systems hear of Weesp's, and Weesp's own subscriptions hear
 * nothing more (a body that no longer exists; AVG art. 5 lid 1 sub f). The delivery is the subscription's (its gemeente
 * is A's; the deliveries list and resend read it with the successor's gemeenten); the CloudEvent keeps naming the
 * klacht's own gemeente.
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
    // READ COMMITTED (ADR 0009): after the advisory lock it must see what the previous fan-out committed.
    return this.dataSource.transaction('READ COMMITTED', async (m) => {
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
      // A gemeente opgeheven by today is left out: it no longer exists, so its own subscriptions (Weesp's after 24 maart
      // 2022) get nothing more of the klachten, which are its successor's to handle (AVG art. 5 lid 1 sub f); the
      // successor sees and deletes them (webhooks.controller.ts).
      const vandaag = vandaagVan(this.klok);
      const bediendDoor = new Map([...gemeenten].map((g) => [g, opvolgersVan(g, vandaag).filter((o) => !opheffing(o, vandaag))]));
      const nodig = [...new Set([...bediendDoor.values()].flat())];
      const abonnementen = nodig.length
        ? ((await m.query(
            `SELECT id, gemeente, typen, aanbieder_id, aanbieder_gemeente FROM webhook_abonnement WHERE actief AND gemeente = ANY($1)`,
            [nodig],
          )) as AbonnementRij[])
        : [];
      // A klacht handed over by an aanbieder at the end of its contract is no longer the aanbieder's (Klachtenprotocol Wmo
      // keten Amsterdam §9: no copies kept; AVG art. 5 lid 1 sub c and f): its subscription hears nothing more of it. The
      // pairs (row, subscription) so excluded, by the condition the aanbieder's own access uses (overgedragenSql).
      const perAanbieder = abonnementen.filter((a) => a.aanbieder_id);
      const metKlacht = rijen.filter((r) => r.klacht_id);
      const overgedragen = new Set(
        perAanbieder.length && metKlacht.length
          ? (
              (await m.query(
                `SELECT r.id::text AS rij, a.id AS abonnement
                   FROM unnest($1::bigint[], $2::uuid[]) AS r(id, klacht_id)
                   JOIN webhook_abonnement a ON a.id = ANY($3::uuid[])
                  WHERE ${overgedragenSql('r.klacht_id', 'a.aanbieder_id')}`,
                [metKlacht.map((r) => r.id), metKlacht.map((r) => r.klacht_id), perAanbieder.map((a) => a.id)],
              )) as { rij: string; abonnement: string }[]
            ).map((p) => `${p.rij}:${p.abonnement}`)
          : [],
      );
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
        const herroeping = await herroepingVan(
          m,
          r,
          abonnementen.map((a) => a.id),
        );
        // The withdrawal of the undone wake-up's opdrachten: an opdracht of its own, placed at this row (before the act's own
        // opdrachten, such as the verdaging's letter), with the act's moment and correlation.
        const intrekking = herroeping?.opdrachten
          ? {
              ...bouwCloudEvent({
                outboxId: String(r.id),
                outboxType: 'opdrachten.herroepen',
                type: OPDRACHTEN_HERROEPEN,
                source: this.config.cloudEventsSource,
                gemeente,
                klachtId: r.klacht_id,
                createdAt: new Date(r.created_at),
                payload: {
                  event: r.payload.event,
                  at: r.payload.at,
                  actor: r.payload.actor,
                  correlationId: r.payload.correlationId ?? null,
                  verlopenHerroepen: true,
                  opdrachten: herroeping.opdrachten.lijst,
                },
              }),
              id: herroeping.opdrachten.eventId,
            }
          : undefined;
        const lever = async (a: AbonnementRij, e: typeof event) => {
          const ins = (await m.query(
            `INSERT INTO webhook_aflevering (abonnement_id, gemeente, event_id, event_type, klacht_id, sequence, cloud_event)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (abonnement_id, event_id) DO NOTHING
             RETURNING id`,
            // The subscription's gemeente: the delivery is listed and resent by the subscriber's own code.
            [a.id, a.gemeente, e.id, e.type, r.klacht_id, r.id, JSON.stringify(e)],
          )) as { id: string }[];
          nieuw.push(...ins);
        };
        for (const a of abonnementen) {
          if (!bediendDoor.get(gemeente)?.includes(a.gemeente)) continue;
          if (a.aanbieder_id && !betreftAanbieder(r, a.aanbieder_id, a.aanbieder_gemeente ?? a.gemeente)) continue;
          if (overgedragen.has(`${r.id}:${a.id}`)) continue;
          if (intrekking && herroeping?.opdrachten?.ontvangers.has(a.id)) await lever(a, intrekking);
          if (typeMatcht(a.typen, type) || herroeping?.ontvangers.has(a.id)) await lever(a, event);
        }
      }
      await m.query(`INSERT INTO webhook_uitgifte (outbox_id) SELECT unnest($1::bigint[]) ON CONFLICT DO NOTHING`, [
        rijen.map((r) => r.id),
      ]);
      return { rijen: rijen.length, nieuw };
    });
  }
}
