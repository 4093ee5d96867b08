/**
 * The `job_runs` ledger: one row per (job, scheduled occurrence). The unique (job, scheduled_for) index is
 * the lock: the insert that wins runs the occurrence. Taking over a row (a crashed holder, or a manual
 * re-run of a finished one) is a compare-and-set on the row as it was read, so only one taker wins.
 * Portable kysely (SQLite and PostgreSQL).
 */
import type { DbOrTrx } from '../database.js';
import type { JobRun, JobRunStatus } from '../schema.js';

export type NewRun = { job: string; scheduledFor: string; trigger: string; holder: string; at: string };

/** Inserts a running row for the occurrence; its id, or undefined when the occurrence already has one. */
export const insertRun = async (db: DbOrTrx, run: NewRun): Promise<number | undefined> => {
  const row = await db
    .insertInto('job_runs')
    .values({
      job: run.job,
      scheduled_for: run.scheduledFor,
      trigger: run.trigger,
      status: 'running',
      holder: run.holder,
      started_at: run.at,
      heartbeat_at: run.at,
    })
    .onConflict((oc) => oc.columns(['job', 'scheduled_for']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
};

export const findRun = async (db: DbOrTrx, job: string, scheduledFor: string): Promise<JobRun | undefined> =>
  db
    .selectFrom('job_runs')
    .selectAll()
    .where('job', '=', job)
    .where('scheduled_for', '=', scheduledFor)
    .executeTakeFirst();

/** Whether the job has any run on record (any occurrence, any status). */
export const hasAnyRun = async (db: DbOrTrx, job: string): Promise<boolean> =>
  (await db.selectFrom('job_runs').select('id').where('job', '=', job).limit(1).executeTakeFirst()) !==
  undefined;

/** Restarts `seen` under a new holder, if nobody changed the row since it was read. */
export const takeOverRun = async (
  db: DbOrTrx,
  seen: JobRun,
  next: { trigger: string; holder: string; at: string },
): Promise<boolean> => {
  const result = await db
    .updateTable('job_runs')
    .set({
      status: 'running',
      trigger: next.trigger,
      holder: next.holder,
      started_at: next.at,
      heartbeat_at: next.at,
      finished_at: null,
      result: null,
      error: null,
    })
    .where('id', '=', seen.id)
    .where('status', '=', seen.status)
    .where('holder', '=', seen.holder)
    .where('heartbeat_at', '=', seen.heartbeat_at)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
};

/** Proves the holder is alive. False when the run was taken over. */
export const heartbeatRun = async (db: DbOrTrx, id: number, holder: string, at: string): Promise<boolean> => {
  const result = await db
    .updateTable('job_runs')
    .set({ heartbeat_at: at })
    .where('id', '=', id)
    .where('holder', '=', holder)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
};

export const finishRun = async (
  db: DbOrTrx,
  id: number,
  holder: string,
  end: { status: Exclude<JobRunStatus, 'running'>; result: string | null; error: string | null; at: string },
): Promise<boolean> => {
  const result = await db
    .updateTable('job_runs')
    .set({
      status: end.status,
      result: end.result,
      error: end.error,
      finished_at: end.at,
      heartbeat_at: end.at,
    })
    .where('id', '=', id)
    .where('holder', '=', holder)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
};
