/**
 * Cross-instance job locks. On PostgreSQL `withJobLock` holds a session-level advisory lock
 * (`pg_try_advisory_lock`) on a dedicated session, outside the pool, for as long as `fn` runs: no other
 * process connected to the same database and schema gets the same job's lock meanwhile, and when the holder
 * dies (crash, kill -9, lost network) the server ends its session and the lock is released at once —
 * no lease to wait out. On SQLite it is a no-op (`exclusive: false`): the job_runs row and its heartbeat
 * lease (jobs/runner.ts) stay the only guard there, and across processes that is enough for one file.
 *
 * The key is (namespace, hashtext(current_schema || ':' || job)), so deployments or test runs that share a
 * database under different `?schema=`s never block each other. Two-int advisory keys live apart from
 * kysely's single-bigint migration lock.
 */
import type pg from 'pg';
import { type Db, openDedicatedSession } from './database.js';

/** First advisory key of every Supporter Desk lock ("SDsk"). */
export const LOCK_NAMESPACE = 0x5344736b;

export type JobLockResult<T> =
  /** `exclusive`: true when a real cross-process lock was held (PostgreSQL); false on SQLite (no-op). */
  | { acquired: true; exclusive: boolean; value: T }
  /** Another live process holds the lock: do not run. */
  | { acquired: false };

/**
 * Runs `fn` while holding the job's lock; `{ acquired: false }` without running it when another process
 * holds it. Errors from `fn` propagate (the lock is released first).
 */
export const withJobLock = async <T>(
  db: Db,
  job: string,
  fn: (exclusive: boolean) => Promise<T>,
): Promise<JobLockResult<T>> => {
  const opening = openDedicatedSession(db);
  if (!opening) return { acquired: true, exclusive: false, value: await fn(false) };
  const session = await opening;
  try {
    if (!(await tryLock(session, job))) return { acquired: false };
    try {
      return { acquired: true, exclusive: true, value: await fn(true) };
    } finally {
      await unlock(session, job).catch(() => {});
    }
  } finally {
    await session.end().catch(() => {});
  }
};

/** Whether some live session holds the job's lock right now (PostgreSQL); undefined on SQLite. */
export const isJobLocked = async (db: Db, job: string): Promise<boolean | undefined> => {
  const opening = openDedicatedSession(db);
  if (!opening) return undefined;
  const session = await opening;
  try {
    if (!(await tryLock(session, job))) return true;
    await unlock(session, job);
    return false;
  } finally {
    await session.end().catch(() => {});
  }
};

const KEY_SQL = `${LOCK_NAMESPACE}, hashtext(current_schema() || ':' || $1)`;

const tryLock = async (session: pg.Client, job: string): Promise<boolean> => {
  const res = await session.query<{ ok: boolean }>(`select pg_try_advisory_lock(${KEY_SQL}) as ok`, [job]);
  return res.rows[0]?.ok === true;
};

const unlock = (session: pg.Client, job: string) =>
  session.query(`select pg_advisory_unlock(${KEY_SQL})`, [job]);
