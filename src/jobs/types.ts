/**
 * The shape every job shares. A job is `async (deps, options) => report`: deterministic for a given
 * `now`, it asks use cases what is due, builds the messages (src/slack/blocks for their look) and sends
 * them through the delivery (src/delivery) so every message has an idempotency key recorded before it
 * goes out. Its deps are JobDeps (src/deps.ts).
 */
import type { JobName } from '../config.js';
import type { DeliveryOptions, DeliveryReport, DeliveryRun } from '../delivery/deliver.js';
import type { JobDeps } from '../deps.js';

export type JobOptions = {
  now: Date;
  /** Target month override (YYYY-MM), for the jobs that have one. */
  month?: string;
  /** Decide and report what would be sent; send nothing and record nothing. */
  dryRun?: boolean;
  /** Progress for long runs (the CLI shows it on a TTY). */
  onProgress?: DeliveryOptions['onProgress'];
  /**
   * Aborted on SIGTERM/SIGINT or scheduler stop: the job finishes the message in hand (sent and marked)
   * and stops, so nothing is left half-sent; the next run sends the rest.
   */
  signal?: AbortSignal;
  /** Set by the runner: which run this is, and which other runs of the job it knows to be dead. */
  run?: DeliveryRun;
};

export type JobReport = { job: JobName } & DeliveryReport;

export type Job = (deps: JobDeps, options: JobOptions) => Promise<JobReport>;
