/**
 * The in-process scheduler: one node-cron task per registered job (crons from config.scheduler.crons, in
 * the app's zone, no overlap). Each tick runs its occurrence through runJobOnce, so two instances (or a
 * tick and a catch-up) never run one occurrence twice. On start it catches up: each job's most recent
 * occurrence within the last 8 days that has no job_runs row runs once now (trigger 'catch-up'); a job
 * that has never run at all (a first start) is not caught up. An occurrence found still `running` (its
 * holder crashed moments ago, or is alive elsewhere) is tried again when its heartbeat lease would run
 * out: a dead holder's run is then taken over and completed, a live one's is left to finish. (On
 * PostgreSQL the job lock proves a holder dead at once, so the first try already takes it over.)
 * Not started when SCHEDULER_ENABLED=false.
 */

import cron, { type ScheduledTask } from 'node-cron';
import { JOB_NAMES, type JobName } from '../config.js';
import { findRun, hasAnyRun } from '../db/repositories/jobRuns.js';
import { setupFixText } from '../delivery/setupProblems.js';
import type { JobDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { floorToMinute, previousOccurrence } from './cronTime.js';
import { JOB_LEASE_MS, leaseEndOf, type RunOutcome, type RunTrigger, runJobOnce } from './runner.js';
import type { Job } from './types.js';

export type SchedulerOptions = {
  /** The app's clock: the `now` each run gets. */
  clock: () => Date;
  /** How old a missed occurrence may be and still be caught up on start. */
  catchUpDays?: number;
  /** A running occurrence's heartbeat lease (default JOB_LEASE_MS); shorter in tests. */
  leaseMs?: number;
};

export type CatchUpResult = { job: JobName; scheduledFor: Date; outcome: RunOutcome };

export type Scheduler = {
  /**
   * Settles when the start-up catch-up's first tries are done (at once when there is nothing to catch
   * up); a try that found its occurrence still running is tried again later, in the background.
   */
  catchUp: Promise<CatchUpResult[]>;
  /** Stops the cron tasks and waits for the runs in progress. */
  stop: () => Promise<void>;
};

export const CATCH_UP_DAYS = 8;

export const startScheduler = (
  deps: JobDeps,
  jobs: Partial<Record<JobName, Job>>,
  opts: SchedulerOptions,
): Scheduler => {
  const { config, logger } = deps;
  if (!config.scheduler.enabled) {
    logger.info('scheduler disabled (SCHEDULER_ENABLED=false)');
    return { catchUp: Promise.resolve([]), stop: async () => {} };
  }
  const entries = JOB_NAMES.flatMap((name) => {
    const job = jobs[name];
    return job ? [{ name, job, expr: config.scheduler.crons[name] }] : [];
  });
  const inflight = new Set<Promise<unknown>>();
  const interrupt = new AbortController();
  let stopping = false;
  const track = <T>(promise: Promise<T>): Promise<T> => {
    inflight.add(promise);
    const forget = () => inflight.delete(promise);
    promise.then(forget, forget);
    return promise;
  };
  const leaseMs = opts.leaseMs ?? JOB_LEASE_MS;
  const run = (name: JobName, job: Job, trigger: RunTrigger, scheduledFor: Date) =>
    track(runLogged(deps, name, job, trigger, scheduledFor, opts.clock(), interrupt.signal, leaseMs));

  // A catch-up that found its occurrence still running tries again once the holder's lease is over.
  const retries = new Set<NodeJS.Timeout>();
  const catchUpOccurrence = async (name: JobName, job: Job, due: Date): Promise<RunOutcome> => {
    const outcome = await run(name, job, 'catch-up', due);
    if (outcome.outcome !== 'skipped' || stopping) return outcome;
    const row = await findRun(deps.db, name, toUtcIso(due));
    if (row?.status !== 'running') return outcome;
    const wait = Math.max(1000, leaseEndOf(row, leaseMs).getTime() - opts.clock().getTime() + 1000);
    logger.info(
      { job: name, scheduledFor: toUtcIso(due), holder: row.holder, retryInMs: wait },
      'catch-up: occurrence still running; trying again after its lease',
    );
    const timer = setTimeout(() => {
      retries.delete(timer);
      if (stopping) return;
      track(catchUpOccurrence(name, job, due)).catch((err: unknown) =>
        logger.error({ err, job: name }, 'scheduler catch-up retry failed'),
      );
    }, wait);
    retries.add(timer);
    return outcome;
  };

  const tasks: ScheduledTask[] = entries.map(({ name, job, expr }) =>
    cron.schedule(
      expr,
      async () => {
        if (stopping) return;
        const now = opts.clock();
        const due = previousOccurrence(expr, config.timezone, now, 1) ?? new Date(floorToMinute(+now));
        await run(name, job, 'schedule', due);
      },
      { timezone: config.timezone, noOverlap: true, name: `supporter-desk:${name}` },
    ),
  );
  logger.info({ jobs: entries.map((e) => e.name), timezone: config.timezone }, 'scheduler started');

  const catchUp = track(
    (async () => {
      const results: CatchUpResult[] = [];
      for (const { name, job, expr } of entries) {
        if (stopping) break;
        const due = previousOccurrence(
          expr,
          config.timezone,
          opts.clock(),
          opts.catchUpDays ?? CATCH_UP_DAYS,
        );
        if (!due || !(await hasAnyRun(deps.db, name))) continue;
        results.push({ job: name, scheduledFor: due, outcome: await catchUpOccurrence(name, job, due) });
      }
      return results;
    })().catch((err: unknown) => {
      logger.error({ err }, 'scheduler catch-up failed');
      return [];
    }),
  );

  return {
    catchUp,
    stop: async () => {
      stopping = true;
      for (const timer of retries) clearTimeout(timer);
      retries.clear();
      for (const task of tasks) {
        await task.stop();
        await task.destroy();
      }
      // Running jobs finish the message in hand and stop; their next run sends the rest.
      interrupt.abort();
      await Promise.allSettled([...inflight]);
    },
  };
};

/** runJobOnce that never throws: every outcome (and any error) ends up in the log. */
const runLogged = async (
  deps: JobDeps,
  name: JobName,
  job: Job,
  trigger: RunTrigger,
  scheduledFor: Date,
  now: Date,
  signal: AbortSignal,
  leaseMs: number,
): Promise<RunOutcome> => {
  const fields = { job: name, trigger, scheduledFor: scheduledFor.toISOString() };
  try {
    const outcome = await runJobOnce(deps, name, job, { scheduledFor, trigger, now, signal, leaseMs });
    if (outcome.outcome === 'completed') {
      const { sent, skipped, failed } = outcome.report;
      deps.logger.info({ ...fields, sent, skipped, failed }, 'job finished');
      // The scheduled digest and reminders: each send the workspace's setup refused, with its fix.
      for (const f of outcome.report.failures) {
        const fix = setupFixText(f.error, f.recipient);
        if (fix)
          deps.logger.warn({ ...fields, recipient: f.recipient, error: f.error, fix }, 'setup problem');
      }
    } else if (outcome.outcome === 'failed') {
      deps.logger.error({ ...fields, err: outcome.error }, 'job failed');
    } else {
      deps.logger.debug({ ...fields, reason: outcome.reason }, 'job occurrence skipped');
    }
    return outcome;
  } catch (err) {
    deps.logger.error({ ...fields, err }, 'job could not start');
    const error = err instanceof Error ? err : new Error(String(err));
    return { outcome: 'failed', runId: undefined, error };
  }
};
