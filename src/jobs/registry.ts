/**
 * The jobs this build can run, by name. The scheduler, the CLI (`supporter-desk job <name>`) and the
 * sandbox all take them from here. A job missing from JOBS is "not available in this version yet".
 */
import type { JobName } from '../config.js';
import type { JobDeps } from '../deps.js';
import { adviceNudges } from './adviceNudges.js';
import { operatorDigest } from './operatorDigest.js';
import { quotaReminders } from './quotaReminders.js';
import { retention } from './retention.js';
import { type RunOptions, runJobOnce } from './runner.js';
import { sessionBriefs } from './sessionBriefs.js';
import { sessionOutcomes } from './sessionOutcomes.js';
import { studyReminders } from './studyReminders.js';
import type { Job, JobReport } from './types.js';
import { writeupReminders } from './writeupReminders.js';

export const JOBS: Partial<Record<JobName, Job>> = {
  'quota-reminders': quotaReminders,
  'operator-digest': operatorDigest,
  'advice-nudges': adviceNudges,
  'writeup-reminders': writeupReminders,
  retention,
  'study-reminders': studyReminders,
  'session-briefs': sessionBriefs,
  'session-outcomes': sessionOutcomes,
};

export class JobNotAvailableError extends Error {
  constructor(readonly job: JobName) {
    super(`job "${job}" is not available in this version yet`);
    this.name = 'JobNotAvailableError';
  }
}

/** The occurrence is running elsewhere (or already ran, for scheduled triggers). */
export class JobSkippedError extends Error {
  constructor(
    readonly job: JobName,
    readonly reason: string,
  ) {
    super(`${job}: not run, ${reason}`);
    this.name = 'JobSkippedError';
  }
}

export type NamedRunOptions = Omit<RunOptions, 'scheduledFor' | 'trigger'> &
  Partial<Pick<RunOptions, 'scheduledFor' | 'trigger'>>;

/**
 * Runs a registered job once (by default a manual run whose occurrence is `now`) and returns its report.
 * Throws JobNotAvailableError, JobSkippedError, or the job's own error (a DeliveryStoppedError carries
 * the partial report).
 */
export const runNamedJob = async (
  deps: JobDeps,
  name: JobName,
  opts: NamedRunOptions,
  jobs: Partial<Record<JobName, Job>> = JOBS,
): Promise<JobReport> => {
  const job = jobs[name];
  if (!job) throw new JobNotAvailableError(name);
  const outcome = await runJobOnce(deps, name, job, {
    ...opts,
    scheduledFor: opts.scheduledFor ?? opts.now,
    trigger: opts.trigger ?? 'manual',
  });
  if (outcome.outcome === 'skipped') throw new JobSkippedError(name, outcome.reason);
  if (outcome.outcome === 'failed') throw outcome.error;
  return outcome.report;
};
