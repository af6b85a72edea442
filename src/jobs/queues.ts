/**
 * The one map of queues and their payloads ("one typed map of queue and payload").
 * Every producer and processor takes its types from here; job options live here too, so retry
 * and retention policy is in one place.
 *
 * Jobs are wake-ups, not carriers of truth: a processor re-reads PostgreSQL and decides there
 * whether anything is still to do, so a lost, duplicated or stale job is harmless (docs/adr/0004-durable-klacht-engine.md).
 */
import type { JobsOptions } from 'bullmq';
import { RAPPORTAGE_JOB_OPTIONS, type RapportageJob } from './reports.queue';

/** Wake-up for one termijn: its expiry (`verval`) or one of its reminders (`herinnering`). */
export interface TermijnJob {
  klachtId: string;
  termijnNaam: string;
  /** The termijn row's revision when the job was scheduled; a moved termijn has a newer one. */
  revision: number;
  kind: 'verval' | 'herinnering';
  /** Name of the reminder within the termijn (kind `herinnering`), e.g. `P1W-voor`. */
  herinnering?: string;
}

export interface QueuePayloads {
  termijnen: TermijnJob;
  rapportages: RapportageJob;
}

export type QueueName = keyof QueuePayloads;

export const QUEUE_NAMES: readonly QueueName[] = ['termijnen', 'rapportages'] as const;

/** Job names within a queue (BullMQ requires one); the kind doubles as the name. */
export type JobName<Q extends QueueName> = Q extends 'termijnen'
  ? TermijnJob['kind']
  : Q extends 'rapportages'
    ? RapportageJob['kind']
    : never;

export const JOB_OPTIONS: Record<QueueName, JobsOptions> = {
  termijnen: {
    // A failed wake-up is retried; if retries run out the sweep still finds the due termijn.
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    // Completed wake-ups are removed so their deterministic id is free again (a termijn that is
    // rescheduled for the same revision after a lost job can be added anew).
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  },
  rapportages: RAPPORTAGE_JOB_OPTIONS,
};

/**
 * Deterministic job id: BullMQ ignores a second add with an id that still exists, so the
 * outbox relay, the boot rebuild and the sweep may all schedule the same wake-up safely.
 * Separator `.` rather than `:`: BullMQ rejects custom ids containing `:` (it reserves them for
 * its own repeatable-job keys), and klacht ids are uuids and termijn names camelCase.
 */
export function termijnJobId(job: TermijnJob): string {
  const base = `${job.klachtId}.${job.termijnNaam}.${job.revision}.${job.kind}`;
  return job.kind === 'herinnering' ? `${base}.${job.herinnering}` : base;
}
