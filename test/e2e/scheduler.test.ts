/**
 * The scheduler's start-up catch-up against a real database and the fake Slack: the most recent missed
 * occurrence runs once (trigger 'catch-up'), a present one does not, nor anything when disabled; one a
 * crashed instance left running is completed once its lease is over.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { findRun } from '../../src/db/repositories/jobRuns.js';
import { type Scheduler, startScheduler } from '../../src/jobs/scheduler.js';
import { onPostgres } from '../helpers/db.js';
import { type JobWorld, listJob, postsByKey, startJobWorld } from '../helpers/jobWorld.js';
import { eventually } from '../helpers/wait.js';

// Wednesday; QUOTA_REMINDER_CRON (Mon and Thu 10:00 JST) last fired on Monday 2026-11-23.
const NOW = new Date('2026-11-25T12:00:00+09:00');
const MONDAY = '2026-11-23T01:00:00.000Z';
const THURSDAY_BEFORE = '2026-11-19T01:00:00.000Z';

let w: JobWorld;
let scheduler: Scheduler | undefined;
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
  await w.stop();
});

const start = async (enabled: boolean) => {
  w = await startJobWorld({
    env: { SCHEDULER_ENABLED: String(enabled), QUOTA_REMINDER_CRON: '0 10 * * 1,4' },
  });
};

const recordRun = (scheduledFor: string) =>
  w.database.db
    .insertInto('job_runs')
    .values({
      job: 'quota-reminders',
      scheduled_for: scheduledFor,
      trigger: 'schedule',
      status: 'succeeded',
      holder: 'earlier:1:aa',
      started_at: scheduledFor,
      heartbeat_at: scheduledFor,
      finished_at: scheduledFor,
    })
    .execute();

const reminders = () => [{ key: 'q:UAIKO:2026-12', recipient: 'UAIKO', text: 'please add slots' }];

describe('scheduler ticks', () => {
  it('runs a tick occurrence once however many ticks land in its minute, and stops cleanly', async () => {
    // Every second: every tick names the same (clock-floored) minute, so only the first one runs it.
    w = await startJobWorld({ env: { SCHEDULER_ENABLED: 'true', QUOTA_REMINDER_CRON: '* * * * * *' } });
    const job = listJob(reminders);
    scheduler = startScheduler(w.deps, { 'quota-reminders': job }, { clock: () => NOW });
    await w.fake.waitFor(() => postsByKey(w.fake).get('q:UAIKO:2026-12'), 5000, 'the first tick');
    const minute = new Date('2026-11-25T03:00:00.000Z').toISOString();
    await new Promise((r) => setTimeout(r, 2200));
    await scheduler.stop();
    expect(job.calls).toBe(1);
    expect(await findRun(w.database.db, 'quota-reminders', minute)).toMatchObject({
      trigger: 'schedule',
      status: 'succeeded',
    });
  });
});

describe('scheduler catch-up', () => {
  it('runs the most recent missed occurrence once, as a catch-up', async () => {
    await start(true);
    await recordRun(THURSDAY_BEFORE);
    const job = listJob(reminders);
    scheduler = startScheduler(w.deps, { 'quota-reminders': job }, { clock: () => NOW });
    const results = await scheduler.catchUp;

    expect(job.calls).toBe(1);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ job: 'quota-reminders', outcome: { outcome: 'completed' } });
    expect(results[0]?.scheduledFor.toISOString()).toBe(MONDAY);
    expect(await findRun(w.database.db, 'quota-reminders', MONDAY)).toMatchObject({
      trigger: 'catch-up',
      status: 'succeeded',
    });
    expect(postsByKey(w.fake).get('q:UAIKO:2026-12')).toBe(1);

    // A second instance starting now finds the occurrence done.
    await scheduler.stop();
    scheduler = startScheduler(w.deps, { 'quota-reminders': job }, { clock: () => NOW });
    expect((await scheduler.catchUp)[0]?.outcome.outcome).toBe('skipped');
    expect(job.calls).toBe(1);
  });

  it('completes, once its lease is over, an occurrence whose holder crashed just before the start', async () => {
    // An instance died mid-run a moment ago: its occurrence is still `running` with a fresh heartbeat, and
    // it held a reminder claimed (`sending`) but not yet posted, well inside the delivery's 10-minute lease.
    await start(true);
    const dead = 'crashed:1:aa';
    const at = NOW.toISOString();
    await w.database.db
      .insertInto('job_runs')
      .values({
        job: 'quota-reminders',
        scheduled_for: MONDAY,
        trigger: 'schedule',
        status: 'running',
        holder: dead,
        started_at: at,
        heartbeat_at: at,
      })
      .execute();
    const key = 'q:UAIKO:2026-12';
    await w.database.db
      .insertInto('deliveries')
      .values({
        key,
        job: 'quota-reminders',
        recipient: 'UAIKO',
        status: 'sending',
        attempts: 1,
        created_at: at,
        updated_at: at,
        holder: dead,
      })
      .execute();
    const job = listJob(reminders);
    const t0 = Date.now();
    const clock = () => new Date(NOW.getTime() + Date.now() - t0);
    scheduler = startScheduler(w.deps, { 'quota-reminders': job }, { clock, leaseMs: 1500 });

    // SQLite cannot tell a crashed holder from a live one but by its silence: the first try waits. On
    // PostgreSQL the job lock proves it dead and the first try takes over.
    const [first] = await scheduler.catchUp;
    expect(first?.outcome.outcome).toBe(onPostgres() ? 'completed' : 'skipped');

    await w.fake.waitFor(() => postsByKey(w.fake).get(key), 10_000, 'the reminder');
    await eventually(
      async () => (await findRun(w.database.db, 'quota-reminders', MONDAY))?.status !== 'running',
      5000,
      'the run to finish',
    );
    expect(await findRun(w.database.db, 'quota-reminders', MONDAY)).toMatchObject({
      trigger: 'catch-up',
      status: 'succeeded',
    });
    // Taken over with a look at the DM history first, then posted exactly once.
    expect(w.fake.callsTo('conversations.history').length).toBeGreaterThan(0);
    expect(postsByKey(w.fake).get(key)).toBe(1);
    expect(w.fake.state.dmsTo('UAIKO')).toHaveLength(1);
    expect(job.calls).toBe(1);
  });

  it('runs nothing when the most recent occurrence already ran', async () => {
    await start(true);
    await recordRun(MONDAY);
    const job = listJob(reminders);
    scheduler = startScheduler(w.deps, { 'quota-reminders': job }, { clock: () => NOW });
    await scheduler.catchUp;
    expect(job.calls).toBe(0);
    expect(w.fake.calls).toHaveLength(0);
  });

  it('does not catch up a job that has never run (a first start)', async () => {
    await start(true);
    const job = listJob(reminders);
    scheduler = startScheduler(w.deps, { 'quota-reminders': job }, { clock: () => NOW });
    expect(await scheduler.catchUp).toEqual([]);
    expect(job.calls).toBe(0);
  });

  it('does nothing when the scheduler is disabled', async () => {
    await start(false);
    await recordRun(THURSDAY_BEFORE);
    const job = listJob(reminders);
    scheduler = startScheduler(w.deps, { 'quota-reminders': job }, { clock: () => NOW });
    expect(await scheduler.catchUp).toEqual([]);
    expect(job.calls).toBe(0);
    expect(await w.database.db.selectFrom('job_runs').selectAll().execute()).toHaveLength(1);
  });
});
