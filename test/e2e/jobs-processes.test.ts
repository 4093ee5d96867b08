/**
 * quota-reminders as operators run it: `supporter-desk job` child processes (the compiled bin), two at
 * once, one SIGKILLed mid-run and one stopped by SIGTERM, each followed by a rerun — every DM exactly once.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { binArgs } from '../helpers/built.js';
import { ROOT, runCliInProcess, runProcess } from '../helpers/cli.js';
import { jobSuite } from '../helpers/jobSuite.js';
import { addPeople } from '../helpers/jobWorld.js';

const s = jobSuite();
const { joinAll, dmCounts } = s;
const MONDAY = '2026-11-30T10:00:00+09:00';

describe('quota-reminders across processes', () => {
  const cli = (now: string) => binArgs('job', 'quota-reminders', '--now', now);

  it('two processes started together send each DM once', async () => {
    const people = addPeople(s.h.fake, 20);
    await joinAll(people);
    const [a, b] = await Promise.all([
      runProcess('node', cli(MONDAY), s.env),
      runProcess('node', cli(MONDAY), s.env),
    ]);
    expect([a.code, b.code].filter((c) => c === 0).length).toBeGreaterThanOrEqual(1);
    const counts = dmCounts();
    expect(people.map((p) => counts.get(p) ?? 0)).toEqual(people.map(() => 1));
  });

  it('a process killed mid-run, then a rerun: every DM exactly once', async () => {
    const people = addPeople(s.h.fake, 24);
    await joinAll(people);
    s.h.fake.injectFault({ method: 'chat.postMessage', kind: 'delay', ms: 150 });
    const child = spawn('node', cli(MONDAY), {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...s.env },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.on('close', r));
    await s.h.fake.waitFor(() => s.h.fake.callsTo('chat.postMessage').length >= 6, 20_000, 'some DMs');
    child.kill('SIGKILL');
    await exited;
    // A post the killed process had in flight still lands at Slack a moment later. In production the
    // 10-minute lease leaves far more than that moment before anyone takes its claims over.
    await new Promise((r) => setTimeout(r, 500));
    const before = s.h.fake.callsTo('chat.postMessage').length;
    expect(before).toBeLessThan(people.length);
    s.h.fake.clearFaults();
    // The killed run left its occurrence "running" and maybe one delivery claimed ("sending"). The next run
    // (a later --now, past the 10-minute lease) takes the occurrence over and with it the claims the dead
    // run left, checks the DM history for their keys, and sends only what the killed run had not: same
    // local day, same keys. (Claims taken over inside their own lease: test/e2e/scheduler.test.ts.)
    const rerun = await runCliInProcess(
      ['job', 'quota-reminders', '--now', '2026-11-30T10:15:00+09:00'],
      s.env,
    );
    expect(rerun.code, rerun.stderr).toBe(0);
    const counts = dmCounts();
    expect(people.map((p) => counts.get(p) ?? 0)).toEqual(people.map(() => 1));
  });
});

describe('quota-reminders killed, then run again at once on the same host', () => {
  it('takes over the run whose process is gone without waiting for the lease: every DM exactly once', async () => {
    const people = addPeople(s.h.fake, 20);
    await joinAll(people);
    s.h.fake.injectFault({ method: 'chat.postMessage', kind: 'delay', ms: 150 });
    const child = spawn('node', binArgs('job', 'quota-reminders', '--now', MONDAY), {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...s.env },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => child.on('close', r));
    await s.h.fake.waitFor(() => s.h.fake.callsTo('chat.postMessage').length >= 5, 20_000, 'some DMs');
    child.kill('SIGKILL');
    await exited;
    // Let the post the killed process had in flight land at the fake (its answer was delayed).
    await new Promise((r) => setTimeout(r, 400));
    expect(s.h.fake.callsTo('chat.postMessage').length).toBeLessThan(people.length);
    s.h.fake.clearFaults();
    // Same --now, right away: before issue #17 this said "already running on <host:pid>" for 10 minutes.
    const rerun = await runCliInProcess(['job', 'quota-reminders', '--now', MONDAY], s.env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stderr).not.toContain('already running');
    const counts = dmCounts();
    expect(people.map((p) => counts.get(p) ?? 0)).toEqual(people.map(() => 1));
  });
});

describe('quota-reminders interrupted by SIGTERM', () => {
  it('ends cleanly (nothing left half-sent, a summary) and the next run completes it', async () => {
    const people = addPeople(s.h.fake, 16);
    await joinAll(people);
    s.h.fake.injectFault({ method: 'chat.postMessage', kind: 'delay', ms: 150 });
    const child = spawn('node', binArgs('job', 'quota-reminders', '--now', MONDAY), {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...s.env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((r) => child.on('close', r));
    await s.h.fake.waitFor(() => s.h.fake.callsTo('chat.postMessage').length >= 4, 20_000, 'some DMs');
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    expect(stderr).toMatch(/quota-reminders: sent \d+, skipped 0, failed 0/);
    expect(stderr).toContain('interrupted');
    const unsettled = await s.h.database.db
      .selectFrom('deliveries')
      .select('key')
      .where('status', '=', 'sending')
      .execute();
    expect(unsettled).toEqual([]);
    expect(s.h.fake.callsTo('chat.postMessage').length).toBeLessThan(people.length);
    s.h.fake.clearFaults();
    const rerun = await runCliInProcess(['job', 'quota-reminders', '--now', MONDAY], s.env);
    expect(rerun.code, rerun.stderr).toBe(0);
    const counts = dmCounts();
    expect(people.map((p) => counts.get(p) ?? 0)).toEqual(people.map(() => 1));
  });
});
