/**
 * The one path jobs send through. Each message has an idempotency key, recorded in `deliveries` before
 * anything is sent and stamped into the message's metadata (event_type `supporter_desk_delivery`).
 * - Crash before the send: the row stays pending (or `sending`); the next run claims it, finds nothing in
 *   Slack under the key and sends it once. Nothing is lost.
 * - Crash between send and mark: the next run claims the row, finds the key in the DM/channel history
 *   (conversations.history/replies, include_all_metadata; for an update, in the updated message's own
 *   metadata) and marks it sent without posting again. The
 *   same check runs before re-posting after an ambiguous failure (timeout, 5xx, internal_error).
 * - Two instances or runs: the claim is one atomic UPDATE (pending → sending, attempts + 1); the loser
 *   skips. `attempts` is a fencing token: only the current holder settles the row. A holder silent for
 *   longer than the lease (10 min) is presumed dead; its row is taken over, history check first. A run
 *   that holds its job's lock (PostgreSQL advisory lock) knows every other run of the job is dead and
 *   takes their claims over at once; so does a run that took over a silent run's occurrence, for the
 *   claims that run recorded under its holder (`deliveries.holder`).
 * - 429: every worker pauses for exactly Retry-After, then the same message is retried; it is neither
 *   dropped nor counted failed (after 20 waits it is left pending, like a transient failure). The SDK
 *   never retries by itself (createJobClient: no retries, rate-limited calls rejected to us).
 * - Transient errors (network, timeout, 5xx, internal_error…): 3 retries with backoff (0.5, 1, 2 s), then
 *   the row is left pending for the next run and reported failed in this one.
 * - Permanent errors (user_not_found, channel_not_found, is_archived…): marked failed with the error, never
 *   retried; later runs count the key as skipped (it is reported failed once, by the run that hit it).
 * - Setup errors (missing_scope, not_in_channel): that item is left pending and reported failed with the
 *   error (`missing_scope (needed …)`); the run goes on, and the first run after the fix sends it.
 * - Auth errors (invalid_auth, token_revoked…) stop the whole delivery with an error and leave rows
 *   pending: marking them failed would lose every message to a bad token.
 * - Dry run: reads which keys are settled; writes and sends nothing; returns the planned messages.
 * Report: `sent` = posted by this run; `skipped` = sent or failed before, held elsewhere, or found already
 * posted. Pacing: 4 recipients in parallel; one recipient's messages in order, 1 s apart.
 */
import {
  type ClaimContext,
  claimDelivery,
  type DeliveryClaim,
  type DeliverySettlement,
  findDeliveries,
  insertPendingDelivery,
  renewDeliveryClaim,
  settleDelivery,
} from '../db/repositories/deliveries.js';
import type { DeliveryDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import {
  classifySlackError,
  messageOf,
  type RateLimitGate,
  rateLimitGate,
  type Sleep,
  sleeper,
  withRetries,
} from './retry.js';
import { findPosted, type Outgoing, post } from './slackCalls.js';

export { DELIVERY_EVENT_TYPE, type Outgoing } from './slackCalls.js';

/** The job run delivering, as the job runner knows it (src/jobs/runner.ts). */
export type DeliveryRun = {
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

export type DeliveryOptions = {
  /** The job name recorded with each key. */
  job: string;
  now: Date;
  /** Decide and report what would be sent; send nothing and record nothing. */
  dryRun?: boolean;
  /** Progress for long runs (the CLI shows it on a TTY). */
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Aborted: the message in hand is finished (sent and marked), the rest left for the next run. */
  signal?: AbortSignal;
  /** The job run delivering: recorded on claims; its knowledge of dead runs used. */
  run?: DeliveryRun;
};

/**
 * The delivery options of a job run: its name plus the run's now, dry-run, progress, abort signal, run
 * (a job's options carry these and more).
 */
export const deliveryOptions = (job: string, opts: Omit<DeliveryOptions, 'job'>): DeliveryOptions => ({
  job,
  now: opts.now,
  ...(opts.dryRun ? { dryRun: true } : {}),
  ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  ...(opts.signal ? { signal: opts.signal } : {}),
  ...(opts.run ? { run: opts.run } : {}),
});

export class DeliveryInterruptedError extends Error {
  constructor() {
    super('interrupted before every message was sent; the next run sends the rest');
    this.name = 'DeliveryInterruptedError';
  }
}

/** One message to send (or that would be sent, in a dry run). */
export type PlannedMessage = { key: string; recipient: string; text: string };

export type DeliveryReport = {
  sent: number;
  skipped: number;
  failed: number;
  /** Dry runs list what would be sent; real runs may list failures' reasons here. */
  planned: PlannedMessage[];
  failures: Array<{ key: string; recipient: string; error: string }>;
};

export const DELIVERY_TUNING = {
  concurrency: 4,
  recipientSpacingMs: 1000,
  leaseMs: 10 * 60_000,
  historyPages: 5,
} as const;

/** Thrown when an auth error or an unexpected one (e.g. the database) stops a delivery midway. */
export class DeliveryStoppedError extends Error {
  constructor(
    cause: unknown,
    readonly report: DeliveryReport,
  ) {
    super(`delivery stopped: ${messageOf(cause)}`, { cause });
    this.name = 'DeliveryStoppedError';
  }
}

export const deliverAll = async (
  deps: DeliveryDeps,
  messages: readonly Outgoing[],
  opts: DeliveryOptions,
): Promise<DeliveryReport> => {
  if (opts.dryRun) return plan(deps, messages);
  const run = startRun(deps, messages.length, opts);
  const queue = groupByRecipient(messages);
  const worker = async () => {
    for (let group = queue.shift(); group && !run.stop && !opts.signal?.aborted; group = queue.shift()) {
      await deliverGroup(run, group);
    }
  };
  await Promise.all(Array.from({ length: Math.min(DELIVERY_TUNING.concurrency, queue.length) }, worker));
  if (run.stop) throw new DeliveryStoppedError(run.stop.error, run.report);
  if (opts.signal?.aborted && queue.length)
    throw new DeliveryStoppedError(new DeliveryInterruptedError(), run.report);
  return run.report;
};

type Run = {
  deps: DeliveryDeps;
  job: string;
  report: DeliveryReport;
  total: number;
  done: number;
  onProgress: DeliveryOptions['onProgress'];
  /** Who claims (the job run's holder) and whose claims are known abandoned (see DeliveryRun). */
  claimer: Omit<ClaimContext, 'at' | 'staleBefore'>;
  /** The run's `now` advanced by the real time elapsed since it started, as a stored instant. */
  at: (offsetMs?: number) => string;
  sleep: Sleep;
  gate: RateLimitGate;
  dmChannels: Map<string, Promise<string>>;
  /** Set by the first error that stops the run. */
  stop: { error: unknown } | undefined;
};

type Outcome = { status: 'sent' | 'skipped' } | { status: 'failed'; error: string };

const startRun = (deps: DeliveryDeps, total: number, opts: DeliveryOptions): Run => {
  const t0 = performance.now();
  const sleep = sleeper(deps);
  const at = (offsetMs = 0) => toUtcIso(new Date(opts.now.getTime() + performance.now() - t0 + offsetMs));
  return {
    deps,
    job: opts.job,
    report: { sent: 0, skipped: 0, failed: 0, planned: [], failures: [] },
    total,
    done: 0,
    onProgress: opts.onProgress,
    at,
    claimer: {
      holder: opts.run?.holder,
      deadJob: opts.run?.exclusive ? opts.job : undefined,
      deadHolder: opts.run?.tookOverFrom,
    },
    sleep,
    gate: rateLimitGate(sleep),
    dmChannels: new Map(),
    stop: undefined,
  };
};

/** One recipient's messages, in order and spaced out (Slack allows about one post per second per channel). */
const deliverGroup = async (run: Run, group: Outgoing[]) => {
  let posted = false;
  for (const message of group) {
    if (run.stop) return;
    if (posted) await run.sleep(DELIVERY_TUNING.recipientSpacingMs);
    let outcome: Outcome;
    try {
      outcome = await deliverOne(run, message);
    } catch (err) {
      run.stop ??= { error: err };
      run.deps.logger.error({ err, key: message.key, job: run.job }, 'delivery stopped');
      return;
    }
    posted = outcome.status === 'sent';
    tally(run, message, outcome);
  }
};

const tally = (run: Run, message: Outgoing, outcome: Outcome) => {
  run.report[outcome.status] += 1;
  if (outcome.status === 'failed') {
    run.report.failures.push({ key: message.key, recipient: message.recipient, error: outcome.error });
  }
  run.done += 1;
  run.onProgress?.({ done: run.done, total: run.total });
};

class LostClaim extends Error {}

const deliverOne = async (run: Run, message: Outgoing): Promise<Outcome> => {
  const { db, logger } = run.deps;
  const { key } = message;
  const fresh = await insertPendingDelivery(db, {
    key,
    job: run.job,
    recipient: message.recipient,
    at: run.at(),
  });
  const claim = await claimDelivery(db, key, {
    ...run.claimer,
    at: run.at(),
    staleBefore: run.at(-DELIVERY_TUNING.leaseMs),
  });
  if (!claim) return { status: 'skipped' };
  const settle = (outcome: DeliverySettlement) => settleDelivery(db, key, claim.token, outcome, run.at());
  try {
    const result = await withRetries(sendOnce(run, message, claim, !fresh), {
      gate: run.gate,
      sleep: run.sleep,
      beforeRetry: async () => {
        if (!(await renewDeliveryClaim(db, key, claim.token, run.at()))) throw new LostClaim(key);
      },
    });
    if (!(await settle({ status: 'sent', channel: result.channel, ts: result.ts }))) {
      logger.warn({ key, job: run.job }, 'delivery: sent, but another holder had taken the row over');
    }
    if (!result.recovered) return { status: 'sent' };
    logger.info({ key, job: run.job }, 'delivery: found already posted; marked sent');
    return { status: 'skipped' };
  } catch (err) {
    if (err instanceof LostClaim) return { status: 'skipped' };
    const failure = classifySlackError(err);
    const status = failure.kind === 'permanent' ? 'failed' : 'pending';
    await settle({ status, error: failure.error }).catch(() => false);
    if (failure.kind === 'fatal' || failure.kind === 'unexpected') throw err;
    logger.warn(
      { key, job: run.job, error: failure.error, retried: status === 'pending' },
      'delivery failed',
    );
    return { status: 'failed', error: failure.error };
  }
};

type Posted = { channel: string; ts: string; recovered: boolean };

/**
 * One attempt: post, unless the message may already be in Slack (the row predates this run, or the last
 * attempt failed ambiguously); then look for its key first and post only when it is not there.
 */
const sendOnce = (run: Run, message: Outgoing, claim: DeliveryClaim, mayBePosted: boolean) => {
  let unsure = mayBePosted;
  return async (): Promise<Posted> => {
    if (unsure) {
      const found = await findPosted(run.deps.slack, run.dmChannels, message, {
        createdAt: claim.createdAt,
        pages: DELIVERY_TUNING.historyPages,
      });
      if (found) return { ...found, recovered: true };
      unsure = false;
    }
    try {
      return { ...(await post(run.deps.slack, message)), recovered: false };
    } catch (err) {
      if (classifySlackError(err).kind !== 'ratelimited') unsure = true;
      throw err;
    }
  };
};

const groupByRecipient = (messages: readonly Outgoing[]): Outgoing[][] => {
  const groups = new Map<string, Outgoing[]>();
  for (const m of messages) {
    const group = groups.get(m.recipient);
    if (group) group.push(m);
    else groups.set(m.recipient, [m]);
  }
  return [...groups.values()];
};

/** A dry run: what would be sent now (keys not yet settled), without writing or sending anything. */
const plan = async (deps: DeliveryDeps, messages: readonly Outgoing[]): Promise<DeliveryReport> => {
  const rows = await findDeliveries(
    deps.db,
    messages.map((m) => m.key),
  );
  const seen = new Set(rows.filter((r) => r.status === 'sent' || r.status === 'failed').map((r) => r.key));
  const planned: DeliveryReport['planned'] = [];
  for (const { key, recipient, text } of messages) {
    if (seen.has(key)) continue;
    seen.add(key);
    planned.push({ key, recipient, text });
  }
  return { sent: 0, skipped: messages.length - planned.length, failed: 0, planned, failures: [] };
};
