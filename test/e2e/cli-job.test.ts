/**
 * `supporter-desk job` in process, against a real database file and the fake Slack. The real jobs are
 * registered by their own issue; until then the plumbing (summary, dry run, reruns, exit codes) is tested
 * with a list job put into the registry for the duration of a test.
 * TODO(jobs): add per-job CLI tests (quota-reminders, operator-digest, …) once they are in JOBS.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { JOB_NAMES } from '../../src/config.js';
import { sqlitePathFromUrl } from '../../src/db/database.js';
import { JOBS } from '../../src/jobs/registry.js';
import type { Job } from '../../src/jobs/types.js';
import { runCliInProcess } from '../helpers/cli.js';
import { testEnv } from '../helpers/harness.js';
import { type JobWorld, listJob, postsByKey, startJobWorld } from '../helpers/jobWorld.js';

let w: JobWorld;
let env: Record<string, string>;
beforeAll(async () => {
  w = await startJobWorld();
  env = testEnv(w.fake, sqlitePathFromUrl(w.config.databaseUrl), { LOG_LEVEL: '' });
});
afterAll(async () => {
  await w.stop();
});

const NOW = '2026-11-25T10:00:00+09:00';

describe('supporter-desk job', () => {
  it('rejects an unknown job with one line', async () => {
    const run = await runCliInProcess(['job', 'frobnicate'], {});
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('unknown job "frobnicate"');
  });

  const missing = JOB_NAMES.find((name) => !JOBS[name]);
  it.skipIf(!missing)('says plainly when a job is not available in this build yet', async () => {
    const run = await runCliInProcess(['job', missing!, '--now', NOW], {});
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`job "${missing}" is not available in this version yet`);
  });

  it('rejects a malformed --now and --month', async () => {
    expect((await runCliInProcess(['job', 'quota-reminders', '--now', 'soon'], env)).stderr).toContain(
      'is not an ISO date-time',
    );
    expect((await runCliInProcess(['job', 'quota-reminders', '--month', '2026-13'], env)).code).toBe(2);
  });
});

describe('supporter-desk job (with a job in the registry)', () => {
  const original = JOBS.retention;
  const install = (job: Job) => {
    JOBS.retention = job;
  };
  afterEach(() => {
    if (original) JOBS.retention = original;
    else delete JOBS.retention;
  });

  const messages = () => [
    { key: 'cli:UAIKO', recipient: 'UAIKO', text: 'hello Aiko' },
    { key: 'cli:UKEN', recipient: 'UKEN', text: 'hello Ken' },
  ];

  it('prints the plan as JSON lines on a dry run and sends nothing', async () => {
    install(listJob(messages));
    const run = await runCliInProcess(['job', 'retention', '--now', NOW, '--dry-run'], env);
    expect(run.code, run.stderr).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(messages());
    expect(run.stderr.trim()).toBe('retention (dry run): would send 2, skipped 0');
    expect(w.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('sends, prints one summary line, and sends nothing more when run again with the same --now', async () => {
    install(listJob(messages));
    const first = await runCliInProcess(['job', 'retention', '--now', NOW], env);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(first.stderr.trim()).toBe('retention: sent 2, skipped 0, failed 0');
    const again = await runCliInProcess(['job', 'retention', '--now', NOW], env);
    expect(again.code).toBe(0);
    expect(again.stderr.trim()).toBe('retention: sent 0, skipped 2, failed 0');
    // Recipients are sent to in parallel: the order of their posts is not part of the contract.
    expect(Object.fromEntries(postsByKey(w.fake))).toEqual({ 'cli:UAIKO': 1, 'cli:UKEN': 1 });
  });

  it('lists undelivered messages and exits non-zero', async () => {
    install(listJob(() => [{ key: 'cli:UNOBODY', recipient: 'UNOBODY', text: 'hello?' }]));
    const run = await runCliInProcess(['job', 'retention', '--now', NOW], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'retention: sent 0, skipped 0, failed 1',
      '  cli:UNOBODY → UNOBODY: channel_not_found',
      'supporter-desk job: retention: 1 message(s) not delivered',
    ]);
  });

  it('reports a job that throws in one line', async () => {
    install(async () => {
      throw new Error('roster unavailable');
    });
    const run = await runCliInProcess(['job', 'retention', '--now', '2026-11-26T10:00:00+09:00'], env);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('supporter-desk job: retention failed: roster unavailable');
  });
});
