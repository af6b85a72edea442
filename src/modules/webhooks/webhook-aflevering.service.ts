import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { type AppConfig, InjectConfig } from '../../config';
import { WebhookAbonnementEntity } from './webhook-abonnement.entity';
import { WebhookAfleveringEntity } from './webhook-aflevering.entity';
import { WebhookQueue } from './webhook-queue';
import { onversleuteldFout, uitzonderingenVan, veiligeLookup, WEBHOOK_DNS, webhookUrlFout, type Lookup } from './ssrf';
import { onderteken, SIGNATURE_HEADER } from './webhook-signature';
import { wachttijd } from '../../common/wachttijd';
import { KLOK, type Klok, vandaagVan } from '../../common/klok';
import { opheffing } from '../../machines';
import { overgedragenSql } from '../auth/tenant';
import { ProblemException } from '../../common/problem';

/** The whole attempt, from DNS to the status line: a subscriber that answers slowly, byte by byte, does not hold the worker. */
const TIMEOUT_MS = 10_000;

export type AfleverUitkomst = 'afgeleverd' | 'mislukt' | 'wacht-op-voorganger' | 'nog-niet' | 'niets-te-doen';

/**
 * Delivers one CloudEvent (structured JSON mode, `application/cloudevents+json`) with the
 * Klachtregie-Signature header. Per subscription and klacht only the oldest waiting delivery is
 * sent: event n+1 waits until event n was accepted (2xx).
 */
@Injectable()
export class WebhookAfleveringService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    @InjectConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: WebhookQueue,
    @Inject(WEBHOOK_DNS) private readonly dns: Lookup,
    private readonly metrics: MetricsService,
    @Inject(KLOK) private readonly klok: Klok,
  ) {}

  async lever(afleveringId: string, nu = new Date()): Promise<AfleverUitkomst> {
    let vervolg: { id: string; attempts: number; delay: number } | undefined;
    const uitkomst = await this.dataSource.transaction(async (m): Promise<AfleverUitkomst> => {
      const d = await m
        .createQueryBuilder(WebhookAfleveringEntity, 'd')
        .where("d.id = :id AND d.status = 'wachtend'", { id: afleveringId })
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getOne();
      if (!d) return 'niets-te-doen';
      if (await this.heeftVoorganger(m, d)) return 'wacht-op-voorganger';
      if (new Date(d.nextAttemptAt).getTime() > nu.getTime()) return 'nog-niet';
      const abonnement = await m.findOneBy(WebhookAbonnementEntity, { id: d.abonnementId });
      if (!abonnement) {
        await m.update(WebhookAfleveringEntity, { id: d.id }, { status: 'vervallen', lastError: 'abonnement verwijderd' });
        vervolg = await this.volgende(m, d);
        return 'niets-te-doen';
      }
      if (!abonnement.actief) return 'niets-te-doen';
      const nietMeer = await this.nietMeer(m, abonnement, d.klachtId);
      if (nietMeer) {
        await m.update(WebhookAfleveringEntity, { id: d.id }, { status: 'vervallen', lastError: nietMeer });
        vervolg = await this.volgende(m, d);
        return 'niets-te-doen';
      }

      const body = JSON.stringify(d.cloudEvent);
      const poging = d.attempts + 1;
      const { status, fout } = await this.post(abonnement, body);
      if (status !== null && status >= 200 && status < 300) {
        await m.update(
          WebhookAfleveringEntity,
          { id: d.id },
          { status: 'afgeleverd', attempts: poging, lastStatus: status, lastError: null, deliveredAt: new Date() },
        );
        vervolg = await this.volgende(m, d);
        return 'afgeleverd';
      }
      const delay = wachttijd(poging, this.config.webhookMaxBackoffMs);
      await m.update(
        WebhookAfleveringEntity,
        { id: d.id },
        { attempts: poging, lastStatus: status, lastError: fout ?? `HTTP ${status}`, nextAttemptAt: new Date(Date.now() + delay) },
      );
      vervolg = { id: d.id, attempts: poging, delay };
      return 'mislukt';
    });
    if (uitkomst === 'mislukt') this.metrics.webhookMislukt.inc();
    // After commit: wake the next delivery (or this one again, after its backoff).
    if (vervolg) {
      await this.queue
        .plan(vervolg.id, vervolg.attempts, vervolg.delay)
        .catch((e: Error) => this.logger.warn(`Enqueue ${vervolg!.id}: ${e.message} (the sweep retries)`));
    }
    return uitkomst;
  }

  /**
   * Order within a subscription and klacht: `sequence`, then the event id. Two deliveries share a sequence only when the
   * withdrawal of an undone wake-up's opdrachten is placed at the retraction row that also goes to the same subscriber
   * (webhook-uitgifte.service.ts herroepingVan); the tie-break keeps them one after the other, never both at once.
   */
  private async heeftVoorganger(m: EntityManager, d: WebhookAfleveringEntity): Promise<boolean> {
    const r = (await m.query(
      `SELECT 1 FROM webhook_aflevering
        WHERE abonnement_id = $1 AND klacht_id IS NOT DISTINCT FROM $2 AND status = 'wachtend' AND (sequence, event_id) < ($3, $4)
        LIMIT 1`,
      [d.abonnementId, d.klachtId, d.sequence, d.eventId],
    )) as unknown[];
    return r.length > 0;
  }

  private async volgende(
    m: EntityManager,
    d: WebhookAfleveringEntity,
  ): Promise<{ id: string; attempts: number; delay: number } | undefined> {
    const r = (await m.query(
      `SELECT id, attempts, next_attempt_at FROM webhook_aflevering
        WHERE abonnement_id = $1 AND klacht_id IS NOT DISTINCT FROM $2 AND status = 'wachtend' AND (sequence, event_id) > ($3, $4)
        ORDER BY sequence, event_id LIMIT 1`,
      [d.abonnementId, d.klachtId, d.sequence, d.eventId],
    )) as { id: string; attempts: number; next_attempt_at: Date }[];
    if (r.length === 0) return undefined;
    return { id: r[0].id, attempts: r[0].attempts, delay: new Date(r[0].next_attempt_at).getTime() - Date.now() };
  }

  /**
   * One POST. Unless the development switches allow it, the URL is checked again (https, no internal address) and the
   * connection goes only to resolved addresses outside internal networks (ssrf.ts): the address that was checked is the
   * one connected to, so a name cannot point elsewhere between check and connect. No redirect is followed (a 3xx is a
   * failed attempt: its Location was never checked). The attempt has one deadline for everything, and the answer's
   * status is all that is read: the body is not, whatever its size.
   */
  private post(abonnement: WebhookAbonnementEntity, body: string): Promise<{ status: number | null; fout?: string }> {
    const toegestaan = uitzonderingenVan(this.config);
    const urlFout = webhookUrlFout(abonnement.url, toegestaan);
    if (urlFout) return Promise.resolve({ status: null, fout: `geweigerd: ${urlFout}` });
    return new Promise((resolve) => {
      let klaar = false;
      const einde = (r: { status: number | null; fout?: string }) => {
        if (!klaar) resolve(r);
        klaar = true;
        clearTimeout(deadline);
      };
      const u = new URL(abonnement.url);
      const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(
        u,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/cloudevents+json; charset=utf-8',
            'content-length': Buffer.byteLength(body),
            [SIGNATURE_HEADER]: onderteken(abonnement.secret, body),
            'user-agent': 'Klachtregie-Webhooks/1',
          },
          timeout: TIMEOUT_MS,
          ...(toegestaan.interneAdressen ? {} : { lookup: veiligeLookup(this.dns) as never }),
        },
        (res) => {
          const status = res.statusCode ?? null;
          const doorverwijzing = status !== null && status >= 300 && status < 400;
          einde({ status, ...(doorverwijzing ? { fout: `HTTP ${status}: doorverwijzing niet gevolgd` } : {}) });
          res.destroy();
        },
      );
      // One deadline for the whole attempt: the socket's idle timeout never fires while a subscriber drips bytes.
      const deadline = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), TIMEOUT_MS);
      req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
      req.on('error', (e: NodeJS.ErrnoException) =>
        einde({ status: null, fout: e.code === 'EWEBHOOKINTERN' ? `geweigerd: ${e.message}` : (e.code ?? e.message) }),
      );
      req.end(body);
    });
  }

  /**
   * Everything that should be attempted now: per subscription and klacht the oldest waiting
   * delivery, if its next attempt is due. The sweep enqueues these, so nothing depends on Redis
   * having kept its delayed jobs.
   */
  async teDoen(nu = new Date(), limit = 500): Promise<{ id: string; attempts: number }[]> {
    return (await this.dataSource.query(
      `SELECT id, attempts FROM (
         SELECT DISTINCT ON (abonnement_id, klacht_id) id, attempts, next_attempt_at
           FROM webhook_aflevering WHERE status = 'wachtend'
          ORDER BY abonnement_id, klacht_id, sequence, event_id
       ) h WHERE h.next_attempt_at <= $1 LIMIT ${limit}`,
      [nu],
    )) as { id: string; attempts: number }[];
  }

  /**
   * Replay: queue a delivery again now (also one that was delivered: the receiver asked for it). `gemeenten`: the
   * caller's own and those opgeheven into it (klachtGemeenten), whose subscriptions it took over.
   */
  async opnieuw(gemeenten: string[], id: string): Promise<WebhookAfleveringEntity | undefined> {
    const repo = this.dataSource.getRepository(WebhookAfleveringEntity);
    const d = await repo.findOneBy({ id, gemeente: In(gemeenten) });
    if (!d) return undefined;
    // A delivery that may not go out any more is not put back to wait (it would be voided again at once): 409 saying why.
    const abonnement = await this.dataSource.getRepository(WebhookAbonnementEntity).findOneBy({ id: d.abonnementId });
    const nietMeer = abonnement ? await this.nietMeer(this.dataSource.manager, abonnement, d.klachtId) : 'abonnement verwijderd';
    if (nietMeer)
      throw ProblemException.conflict(
        'aflevering-niet-meer',
        'Niet meer af te leveren',
        `De webhook-aflevering ${id} wordt niet meer afgeleverd: ${nietMeer}.`,
      );
    await repo.update({ id }, { status: 'wachtend', nextAttemptAt: new Date(), deliveredAt: null });
    await this.queue.plan(id, d.attempts).catch(() => undefined);
    return (await repo.findOneBy({ id }))!;
  }

  /**
   * Why a delivery for `abonnement` about `klachtId` may not go out any more, or undefined: the one rule of the delivery
   * and of a resend. A subscription to an http:// URL while only https is allowed would send the klager's data
   * unencrypted (AVG art. 32). A subscription of a gemeente opgeheven by today (Weesp's after 24 maart 2022) is a body's that no
   * longer exists (Wet arhi art. 40 e.v., AVG art. 5 lid 1 sub f; its successor sees it and deletes it). A klacht the
   * subscription's aanbieder handed over at its contract end is no longer the aanbieder's (Klachtenprotocol Wmo keten
   * Amsterdam §9, AVG art. 5 lid 1 sub c and f).
   */
  private async nietMeer(m: EntityManager, abonnement: WebhookAbonnementEntity, klachtId: string | null): Promise<string | undefined> {
    const opgeheven = opheffing(abonnement.gemeente, vandaagVan(this.klok));
    if (opgeheven) return `gemeente ${abonnement.gemeente} opgeheven per ${opgeheven.gemeente.opgeheven}`;
    // A subscription made with http (before https was required, or under the development switch) gets nothing in plain
    // text: not sent and not retried, the reason recorded (AVG art. 32). The beheerder subscribes an https URL instead.
    const onversleuteld = this.config.webhookHttpToegestaan ? undefined : onversleuteldFout(abonnement.url);
    if (onversleuteld) return `geweigerd: ${onversleuteld}`;
    if (!abonnement.aanbiederId || !klachtId) return undefined;
    const [{ ja }] = (await m.query(`SELECT ${overgedragenSql('$1::uuid', '$2')} AS ja`, [klachtId, abonnement.aanbiederId])) as {
      ja: boolean;
    }[];
    return ja ? `klacht overgedragen bij het einde van het contract van ${abonnement.aanbiederId}` : undefined;
  }
}
