/**
 * runJobOnce against a real SQLite file: the (job, scheduled_for) row is the lock between processes,
 * crashed runs are taken over, and job_runs keeps the counts and errors of each occurrence.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withJobLock } from '../../src/db/locks.js';
import { findRun } from '../../src/db/repositories/jobRuns.js';
import { JobSkippedError, runNamedJob } from '../../src/jobs/registry.js';
import { runJobOnce } from '../../src/jobs/runner.js';
import type { JobReport } from '../../src/jobs/types.js';
import { onPostgres } from '../helpers/db.js';
import { type JobWorld, listJob, postsByKey, startJobWorld } from '../helpers/jobWorld.js';

const NOW = new Date('2026-11-26T10:00:00+09:00');
const OCCURRENCE = new Date('2026-11-26T10:00:00+09:00');
const run = { scheduledFor: OCCURRENCE, trigger: 'schedule' as const, now: NOW };

let w: JobWorld;

/**
 * A live holder: its row heartbeats, and on PostgreSQL its session also holds the job's advisory lock
 * (a running row without the lock is a dead holder's, taken over at once). Runs `fn` meanwhile.
 */
const asLiveHolder = async <T>(fn: () => Promise<T>): Promise<T> => {
  const other = await w.connect();
  const held = await withJobLock(other.database.db, 'quota-reminders', fn);
  if (!held.acquired) throw new Error('could not take the lock as the live holder');
  return held.value;
};
const LIVE_HOLDER = /live-host:456:ef01|another instance/;
beforeEach(async () => {
  w = await startJobWorld();
});
afterEach(async () => {
  await w.stop();
});

const messages = () => [
  { key: 'q:UAIKO:2026-12:2026-11-26', recipient: 'UAIKO', text: 'please add slots' },
  { key: 'q:UKEN:2026-12:2026-11-26', recipient: 'UKEN', text: 'please add slots' },
  { key: 'q:UNOBODY:2026-12:2026-11-26', recipient: 'UNOBODY', text: 'please add slots' },
];

const insertRunning = (holder: string, heartbeatAt: Date) =>
  w.database.db
    .insertInto('job_runs')
    .values({
      job: 'quota-reminders',
      scheduled_for: OCCURRENCE.toISOString(),
      trigger: 'schedule',
      status: 'running',
      holder,
      started_at: heartbeatAt.toISOString(),
      heartbeat_at: heartbeatAt.toISOString(),
    })
    .execute();

describe('runJobOnce', () => {
  it('runs one occurrence once when two processes start it at the same time', async () => {
    const job = listJob(messages);
    const other = await w.connect();
    const outcomes = await Promise.all([
      runJobOnce(w.deps, 'quota-reminders', job, run),
      runJobOnce(other.deps, 'quota-reminders', job, run),
    ]);
    expect(job.calls).toBe(1);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['completed', 'skipped']);
    const skipped = outcomes.find((o) => o.outcome === 'skipped');
    expect(skipped).toMatchObject({ reason: expect.stringMatching(/^already (running|ran)/) });
    expect([...postsByKey(w.fake).values()]).toEqual([1, 1]);
  });

  it('records the counts of a finished run, and an occurrence that ran is not run again', async () => {
    const job = listJob(messages);
    const outcome = await runJobOnce(w.deps, 'quota-reminders', job, run);
    expect(outcome.outcome).toBe('completed');
    const row = await findRun(w.database.db, 'quota-reminders', OCCURRENCE.toISOString());
    expect(row).toMatchObject({ status: 'succeeded', trigger: 'schedule', error: null });
    expect(row?.finished_at).toBeTruthy();
    expect(JSON.parse(row?.result ?? '{}')).toEqual({
      sent: 2,
      skipped: 0,
      failed: 1,
      failures: [{ key: 'q:UNOBODY:2026-12:2026-11-26', recipient: 'UNOBODY', error: 'channel_not_found' }],
    });

    const again = await runJobOnce(w.deps, 'quota-reminders', job, { ...run, trigger: 'catch-up' });
    expect(again).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('already ran') });
    expect(job.calls).toBe(1);
  });

  it('records a job that throws as failed, with its error', async () => {
    const failing = async (): Promise<JobReport> => {
      throw new Error('roster unavailable');
    };
    const outcome = await runJobOnce(w.deps, 'operator-digest', failing, run);
    expect(outcome).toMatchObject({ outcome: 'failed', error: { message: 'roster unavailable' } });
    const row = await findRun(w.database.db, 'operator-digest', OCCURRENCE.toISOString());
    expect(row).toMatchObject({ status: 'failed', error: 'roster unavailable', result: null });
  });

  it("takes over at once a run whose process on this host is gone; another host's keeps its lease", async () => {
    const local = { hostname: 'this-host', pid: 100, isAlive: (pid: number) => pid !== 4242 };
    const job = listJob(messages);
    // On PostgreSQL the job's advisory lock is the truth: a row whose holder holds no lock is dead wherever
    // it ran, so it is taken over at once (the lease and pid checks are SQLite's; a live lock holder is
    // tested with asLiveHolder below).
    if (!onPostgres()) {
      await insertRunning('other-host:4242:abcd', NOW);
      const kept = await runJobOnce(w.deps, 'quota-reminders', job, { ...run, local });
      expect(kept).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('already running') });
      await w.database.db.deleteFrom('job_runs').execute();
      await insertRunning('this-host:4242:abcd', NOW);
      const alive = await runJobOnce(w.deps, 'quota-reminders', job, {
        ...run,
        local: { ...local, isAlive: () => true },
      });
      expect(alive).toMatchObject({ outcome: 'skipped' });
      expect(job.calls).toBe(0);
      await w.database.db.deleteFrom('job_runs').execute();
    }
    await insertRunning('this-host:4242:abcd', NOW);
    const taken = await runJobOnce(w.deps, 'quota-reminders', job, { ...run, local });
    expect(taken.outcome).toBe('completed');
    expect(job.calls).toBe(1);
    expect(await findRun(w.database.db, 'quota-reminders', OCCURRENCE.toISOString())).toMatchObject({
      status: 'succeeded',
      holder: expect.stringMatching(/^this-host:100:/),
    });
  });

  it('takes over a running row whose holder stopped heartbeating, but not a live one', async () => {
    await insertRunning('dead-host:123:abcd', new Date(NOW.getTime() - 60 * 60_000));
    const job = listJob(messages);
    const outcome = await runJobOnce(w.deps, 'quota-reminders', job, run);
    expect(outcome.outcome).toBe('completed');
    expect(job.calls).toBe(1);
    const row = await findRun(w.database.db, 'quota-reminders', OCCURRENCE.toISOString());
    expect(row?.status).toBe('succeeded');
    expect(row?.holder).not.toBe('dead-host:123:abcd');

    await w.database.db.deleteFrom('job_runs').execute();
    await insertRunning('live-host:456:ef01', new Date(NOW.getTime() - 60_000));
    const busy = await asLiveHolder(() => runJobOnce(w.deps, 'quota-reminders', job, run));
    expect(busy).toMatchObject({ outcome: 'skipped', reason: expect.stringMatching(LIVE_HOLDER) });
    expect(job.calls).toBe(1);
    if (!onPostgres()) {
      // Without a session lock, the reason says from when a run may presume the holder dead: its last
      // heartbeat (a minute ago) plus the 10-minute lease.
      const nineMinutesOn = new Date(NOW.getTime() + 9 * 60_000).toISOString();
      expect(busy).toMatchObject({
        reason: expect.stringContaining(`a run from ${nineMinutesOn} on takes it over`),
      });
    }
  });

  it('lets a CLI or manual run repeat a finished occurrence; delivery keys keep it exactly once', async () => {
    const job = listJob(messages);
    const manual = { now: NOW, trigger: 'cli' as const };
    expect(await runNamedJob(w.deps, 'quota-reminders', manual, { 'quota-reminders': job })).toMatchObject({
      sent: 2,
    });
    expect(await runNamedJob(w.deps, 'quota-reminders', manual, { 'quota-reminders': job })).toMatchObject({
      sent: 0,
      skipped: 3,
      failed: 0,
    });
    expect(job.calls).toBe(2);
    expect([...postsByKey(w.fake).values()]).toEqual([1, 1]);
    const rows = await w.database.db.selectFrom('job_runs').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ scheduled_for: NOW.toISOString(), trigger: 'cli', status: 'succeeded' });
  });

  it('throws JobSkippedError from runNamedJob when the occurrence is running elsewhere', async () => {
    await insertRunning('live-host:456:ef01', NOW);
    const job = listJob(messages);
    await expect(
      asLiveHolder(() => runNamedJob(w.deps, 'quota-reminders', { ...run }, { 'quota-reminders': job })),
    ).rejects.toBeInstanceOf(JobSkippedError);
    expect(job.calls).toBe(0);
  });

  it('records nothing and sends nothing for a dry run', async () => {
    const job = listJob(messages);
    const outcome = await runJobOnce(w.deps, 'quota-reminders', job, { ...run, dryRun: true });
    expect(outcome).toMatchObject({ outcome: 'completed', runId: undefined });
    expect(outcome.outcome === 'completed' && outcome.report.planned).toHaveLength(3);
    expect(await w.database.db.selectFrom('job_runs').selectAll().execute()).toEqual([]);
    expect(w.fake.calls).toHaveLength(0);
  });
});
