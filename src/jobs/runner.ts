/**
 * Runs one occurrence of a job under the `job_runs` lock. The INSERT of (job, scheduled_for) that wins
 * runs it; anyone else sees the row and skips ("already running" / "already ran"). The holder heartbeats
 * while it runs; a `running` row silent for longer than the lease is presumed crashed and may be taken
 * over (compare-and-set on the row as read), and the job is told whose run that was (DeliveryRun), so
 * the deliveries the dead run left claimed are taken over too. A `running` row whose holder was a process
 * on this host that no longer exists is taken over at once (jobs/localProcess.ts); other hosts' rows keep
 * their lease. CLI and manual runs may also re-run a
 * finished occurrence: the delivery keys keep that from sending anything twice. Dry runs record nothing.
 */
import { randomBytes } from 'node:crypto';
import type { JobName } from '../config.js';
import { withJobLock } from '../db/locks.js';
import {
  findRun,
  finishRun,
  heartbeatRun,
  insertRun,
  type NewRun,
  takeOverRun,
} from '../db/repositories/jobRuns.js';
import type { JobRun } from '../db/schema.js';
import type { DeliveryRun } from '../delivery/deliver.js';
import { DeliveryStoppedError } from '../delivery/deliver.js';
import type { JobDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { isDeadHereHolder, type LocalProcess, thisProcess } from './localProcess.js';
import type { Job, JobOptions, JobReport } from './types.js';

export type RunTrigger = 'schedule' | 'catch-up' | 'cli' | 'manual';

export type RunOptions = {
  /** The occurrence: the cron instant for scheduled runs, `now` for CLI and manual ones. */
  scheduledFor: Date;
  trigger: RunTrigger;
  now: Date;
  month?: string;
  dryRun?: boolean;
  onProgress?: JobOptions['onProgress'];
  signal?: AbortSignal;
  /** A running row whose heartbeat is older than this is presumed crashed. */
  leaseMs?: number;
  /**
   * This process (host, pid, liveness of other pids): a running row held by a pid of this host that is
   * gone is taken over at once. Default: the real process (jobs/localProcess.ts).
   */
  local?: LocalProcess;
};

export type RunOutcome =
  | { outcome: 'completed'; runId: number | undefined; report: JobReport }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'failed'; runId: number | undefined; error: Error };

export const JOB_LEASE_MS = 10 * 60_000;
const MAX_FAILURES_RECORDED = 20;

export const newHolderId = (local: LocalProcess = thisProcess()): string =>
  `${local.hostname}:${local.pid}:${randomBytes(4).toString('hex')}`;

export const runJobOnce = async (
  deps: JobDeps,
  name: JobName,
  job: Job,
  opts: RunOptions,
): Promise<RunOutcome> => {
  const jobOptions: JobOptions = {
    now: opts.now,
    ...(opts.month ? { month: opts.month } : {}),
    ...(opts.dryRun ? { dryRun: true } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  if (opts.dryRun) {
    return job(deps, jobOptions).then(
      (report): RunOutcome => ({ outcome: 'completed', runId: undefined, report }),
      (err: unknown): RunOutcome => ({ outcome: 'failed', runId: undefined, error: asError(err) }),
    );
  }
  // On PostgreSQL an advisory lock held by this session guards the job across instances and is released
  // the moment a holder dies; holding it exclusively also proves any `running` row of this job is dead,
  // so it may be taken over at once instead of after the heartbeat lease.
  const locked = await withJobLock(deps.db, name, (exclusive) =>
    runAcquired(deps, name, job, opts, jobOptions, exclusive),
  );
  if (!locked.acquired) return { outcome: 'skipped', reason: 'already running in another instance' };
  return locked.value;
};

const runAcquired = async (
  deps: JobDeps,
  name: JobName,
  job: Job,
  opts: RunOptions,
  jobOptions: JobOptions,
  exclusive: boolean,
): Promise<RunOutcome> => {
  const started = performance.now();
  const at = () => toUtcIso(new Date(opts.now.getTime() + performance.now() - started));
  const local = opts.local ?? thisProcess();
  const holder = newHolderId(local);
  const run: NewRun = {
    job: name,
    scheduledFor: toUtcIso(opts.scheduledFor),
    trigger: opts.trigger,
    holder,
    at: at(),
  };
  const leaseMs = opts.leaseMs ?? JOB_LEASE_MS;
  const acquired = await acquire(deps, run, exclusive ? Number.NEGATIVE_INFINITY : leaseMs, local);
  if (typeof acquired === 'string') return { outcome: 'skipped', reason: acquired };
  const { id, tookOverFrom } = acquired;
  const context: DeliveryRun = { holder, exclusive, ...(tookOverFrom ? { tookOverFrom } : {}) };

  const heartbeat = setInterval(() => {
    heartbeatRun(deps.db, id, holder, at())
      .then((alive) => {
        if (!alive) deps.logger.warn({ job: name, holder }, 'job run was taken over by another process');
      })
      .catch((err: unknown) => deps.logger.warn({ err, job: name }, 'job heartbeat failed'));
  }, leaseMs / 5);
  heartbeat.unref();
  try {
    const report = await job(deps, { ...jobOptions, run: context });
    await finishRun(deps.db, id, holder, {
      status: 'succeeded',
      result: resultJson(report),
      error: null,
      at: at(),
    });
    return { outcome: 'completed', runId: id, report };
  } catch (err) {
    const error = asError(err);
    const report = err instanceof DeliveryStoppedError ? err.report : undefined;
    await finishRun(deps.db, id, holder, {
      status: 'failed',
      result: report ? resultJson(report) : null,
      error: error.message,
      at: at(),
    }).catch((finishErr: unknown) =>
      deps.logger.error({ err: finishErr, job: name }, 'job_runs not updated'),
    );
    return { outcome: 'failed', runId: id, error };
  } finally {
    clearInterval(heartbeat);
  }
};

type Acquired = {
  id: number;
  /** The holder of the `running` row this process took over: a dead run. */
  tookOverFrom?: string;
};

/** The run's id when this process holds the occurrence now, or why it does not. */
const acquire = async (
  deps: JobDeps,
  run: NewRun,
  leaseMs: number,
  local: LocalProcess,
): Promise<Acquired | string> => {
  const id = await insertRun(deps.db, run);
  if (id !== undefined) return { id };
  const existing = await findRun(deps.db, run.job, run.scheduledFor);
  if (!existing) return 'the occurrence was just removed';
  const takeover = takeOverReason(existing, run, leaseMs, local);
  if (!takeover) return busyReason(existing, leaseMs);
  if (!(await takeOverRun(deps.db, existing, run))) return 'another process took the occurrence first';
  deps.logger.warn(
    { job: run.job, scheduledFor: run.scheduledFor, previousHolder: existing.holder },
    `job run taken over: ${takeover}`,
  );
  return existing.status === 'running'
    ? { id: existing.id, tookOverFrom: existing.holder }
    : { id: existing.id };
};

const takeOverReason = (
  existing: JobRun,
  run: NewRun,
  leaseMs: number,
  local: LocalProcess,
): string | undefined => {
  if (existing.status === 'running') {
    // The holder ran on this host and its pid is gone (SIGKILL, OOM, a crash): dead for certain, so no lease
    // to wait out. The delivery ledger keeps the takeover exactly-once (tookOverFrom: its claims are
    // checked against Slack's history before anything is re-sent).
    if (isDeadHereHolder(existing.holder, local)) return `its process (${existing.holder}) is gone`;
    const silentFor = Date.parse(run.at) - Date.parse(existing.heartbeat_at);
    return silentFor > leaseMs ? `no heartbeat for ${Math.round(silentFor / 1000)} s` : undefined;
  }
  return run.trigger === 'cli' || run.trigger === 'manual' ? `re-run (${run.trigger})` : undefined;
};

/** When a `running` row stops being its holder's: the last heartbeat plus the lease. */
export const leaseEndOf = (running: JobRun, leaseMs: number): Date =>
  new Date(Date.parse(running.heartbeat_at) + leaseMs);

const busyReason = (existing: JobRun, leaseMs: number): string =>
  existing.status === 'running'
    ? `already running on ${existing.holder} (since ${existing.started_at}; if that process is gone, ` +
      `a run from ${toUtcIso(leaseEndOf(existing, leaseMs))} on takes it over)`
    : `already ran (${existing.status} at ${existing.finished_at ?? existing.heartbeat_at})`;

const resultJson = (report: Omit<JobReport, 'job'>): string =>
  JSON.stringify({
    sent: report.sent,
    skipped: report.skipped,
    failed: report.failed,
    failures: report.failures.slice(0, MAX_FAILURES_RECORDED),
  });

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));
