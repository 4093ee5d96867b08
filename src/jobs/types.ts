/**
 * The shape every job shares. A job is `async (deps, options) => report`: deterministic for a given
 * `now`, it reads the database, decides what to send, and sends through the delivery (src/slack/delivery.ts)
 * so every message has an idempotency key recorded before it goes out.
 */
import type { WebClient } from '@slack/web-api';
import type { Config, JobName } from '../config.js';
import type { Db } from '../db/database.js';
import type { Logger } from '../logger.js';

export type JobDeps = {
  config: Config;
  db: Db;
  logger: Logger;
  /** A web client for jobs: no automatic retries of its own (delivery decides), rate limits rejected to us. */
  slack: WebClient;
  /** Waits; injectable so tests of Retry-After handling need not sleep for real when they choose not to. */
  sleep?: (ms: number) => Promise<void>;
};

export type JobOptions = {
  now: Date;
  /** Target month override (YYYY-MM), for the jobs that have one. */
  month?: string;
  /** Decide and report what would be sent; send nothing and record nothing. */
  dryRun?: boolean;
  /** Progress for long runs (the CLI shows it on a TTY). */
  onProgress?: (progress: { done: number; total: number }) => void;
  /**
   * Aborted on SIGTERM/SIGINT or scheduler stop: the job finishes the message in hand (sent and marked)
   * and stops, so nothing is left half-sent; the next run sends the rest.
   */
  signal?: AbortSignal;
  /** Set by the runner: which run this is, and which other runs of the job it knows to be dead. */
  run?: JobRunContext;
};

export type JobRunContext = {
  /** This run's `job_runs.holder`, recorded on every delivery it claims. */
  holder: string;
  /**
   * It holds the job's lock exclusively (PostgreSQL advisory lock): no other run of the job is alive, so
   * deliveries any dead run of it left claimed (`sending`) are taken over at once (history check first)
   * instead of after their lease.
   */
  exclusive: boolean;
  /**
   * The holder of the occurrence this run took over after its heartbeat went silent: that run is dead, so
   * the deliveries it left claimed are taken over at once (history check first), as under `exclusive`.
   */
  tookOverFrom?: string;
};

/** One message a job wants to send (or would send, in a dry run). */
export type PlannedMessage = { key: string; recipient: string; text: string };

export type JobReport = {
  job: JobName;
  sent: number;
  skipped: number;
  failed: number;
  /** Dry runs list what would be sent; real runs may list failures' reasons here. */
  planned: PlannedMessage[];
  failures: Array<{ key: string; recipient: string; error: string }>;
};

export type Job = (deps: JobDeps, options: JobOptions) => Promise<JobReport>;
