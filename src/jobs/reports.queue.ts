/**
 * The `rapportages` queue: wake-ups for the periodic aanbieder reports and the Awb 9:12a overview
 * (Uitgangspunten klachtenmanagement Sociaal Domein §10, contract art. 11.1: vóór 1 juli en vóór 1 december; Klachtenprotocol Wmo keten Amsterdam §10: per kwartaal). The schedule
 * lives in `rapportage_moment` (PostgreSQL) and is computed from the definitions; these jobs only
 * say "look at this moment now", so losing Redis loses nothing (RapportagePlanningService.synchroniseer
 * rebuilds them at boot).
 */
import type { JobsOptions } from 'bullmq';

export interface RapportageJob {
  gemeente: string;
  soort: 'aanbieders' | 'jaarverslag';
  /** YYYY-MM-DD: the deadline of the moment (its key together with gemeente and soort). */
  deadline: string;
  /** `herinnering`: remind aanbieders (herinneringVoor); `deadline`: generate, store, escalate. */
  kind: 'herinnering' | 'deadline';
}

export const RAPPORTAGE_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 30 * 24 * 3600 },
};

/** Deterministic id (no `:`, BullMQ reserves it): adding the same moment twice is a no-op. */
export function rapportageJobId(job: RapportageJob): string {
  return `rapportage.${job.gemeente}.${job.soort}.${job.deadline}.${job.kind}`;
}
