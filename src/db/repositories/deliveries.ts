/**
 * The `deliveries` ledger: one row per idempotency key. Rows go pending → sending (claimed) → sent | failed,
 * or back to pending when a send may be retried. `attempts` doubles as the claim's fencing token: every
 * claim increments it, and a holder settles its row only while the token is still the one it got.
 * Portable kysely (SQLite and PostgreSQL): insert … on conflict do nothing, update … returning.
 */
import type { DbOrTrx } from '../database.js';
import type { Delivery, DeliveryStatus } from '../schema.js';

/** Records a key as pending unless it already exists. True when this call inserted it. */
export const insertPendingDelivery = async (
  db: DbOrTrx,
  row: { key: string; job: string; recipient: string; at: string },
): Promise<boolean> => {
  const result = await db
    .insertInto('deliveries')
    .values({
      key: row.key,
      job: row.job,
      recipient: row.recipient,
      status: 'pending',
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
};

export type DeliveryClaim = { token: number; createdAt: string };

/** Who is claiming, and which runs the claimer knows to be dead. */
export type ClaimContext = {
  at: string;
  /** A `sending` row not renewed since this instant is presumed abandoned (the delivery lease). */
  staleBefore: string;
  /** The claiming run's `job_runs.holder`, recorded on the row. */
  holder?: string | undefined;
  /** The caller holds this job's lock, so no run of it is alive: any `sending` row of the job is free. */
  deadJob?: string | undefined;
  /** A run the caller took over after its heartbeat went silent: the rows it left `sending` are free. */
  deadHolder?: string | undefined;
};

/**
 * Atomically takes a key for sending: a pending row, or a `sending` row whose holder stopped renewing it
 * before `staleBefore` or is known dead (`deadJob`, `deadHolder`). Undefined when the row is sent, failed,
 * or held by someone alive.
 */
export const claimDelivery = async (
  db: DbOrTrx,
  key: string,
  claim: ClaimContext,
): Promise<DeliveryClaim | undefined> => {
  const row = await db
    .updateTable('deliveries')
    .set((eb) => ({
      status: 'sending',
      attempts: eb('attempts', '+', 1),
      updated_at: claim.at,
      holder: claim.holder ?? null,
    }))
    .where('key', '=', key)
    .where((eb) => {
      const abandoned = [eb('updated_at', '<', claim.staleBefore)];
      if (claim.deadJob) abandoned.push(eb('job', '=', claim.deadJob));
      if (claim.deadHolder) abandoned.push(eb('holder', '=', claim.deadHolder));
      return eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'sending'), eb.or(abandoned)])]);
    })
    .returning(['attempts', 'created_at'])
    .executeTakeFirst();
  return row ? { token: row.attempts, createdAt: row.created_at } : undefined;
};

/** Keeps a claim alive during long waits. False when the claim was lost. */
export const renewDeliveryClaim = async (db: DbOrTrx, key: string, token: number, at: string) =>
  settle(db, key, token, { updated_at: at });

export type DeliverySettlement =
  | { status: 'sent'; channel: string; ts: string }
  | { status: Extract<DeliveryStatus, 'failed' | 'pending'>; error: string };

/** Ends a claim: sent (with where it went), failed for good, or pending again for a later run. */
export const settleDelivery = async (
  db: DbOrTrx,
  key: string,
  token: number,
  outcome: DeliverySettlement,
  at: string,
): Promise<boolean> =>
  settle(
    db,
    key,
    token,
    outcome.status === 'sent'
      ? { status: 'sent', channel: outcome.channel, ts: outcome.ts, error: null, updated_at: at }
      : { status: outcome.status, error: outcome.error, updated_at: at },
  );

const settle = async (
  db: DbOrTrx,
  key: string,
  token: number,
  values: {
    status?: DeliveryStatus;
    channel?: string;
    ts?: string;
    error?: string | null;
    updated_at: string;
  },
): Promise<boolean> => {
  const result = await db
    .updateTable('deliveries')
    .set(values)
    .where('key', '=', key)
    .where('status', '=', 'sending')
    .where('attempts', '=', token)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
};

const KEYS_PER_QUERY = 500;

/** The rows for some keys (any status), e.g. to plan a dry run. */
export const findDeliveries = async (db: DbOrTrx, keys: readonly string[]): Promise<Delivery[]> => {
  const rows: Delivery[] = [];
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const chunk = keys.slice(i, i + KEYS_PER_QUERY);
    rows.push(...(await db.selectFrom('deliveries').selectAll().where('key', 'in', chunk).execute()));
  }
  return rows;
};

export const findDelivery = async (db: DbOrTrx, key: string): Promise<Delivery | undefined> =>
  db.selectFrom('deliveries').selectAll().where('key', '=', key).executeTakeFirst();

/**
 * Records a message the app sent outside a job (a reply to a user's own action, e.g. a finished write-up
 * DM) as sent, so retention and erase can find and rewrite it like any job's send. A key seen before keeps
 * its first record.
 */
export const recordSentMessage = async (
  db: DbOrTrx,
  row: { key: string; job: string; recipient: string; channel: string; ts: string; at: string },
): Promise<void> => {
  await db
    .insertInto('deliveries')
    .values({
      key: row.key,
      job: row.job,
      recipient: row.recipient,
      status: 'sent',
      channel: row.channel,
      ts: row.ts,
      created_at: row.at,
      updated_at: row.at,
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
};
