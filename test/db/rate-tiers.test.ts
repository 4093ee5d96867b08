/**
 * Slack's per-method rate limits (emulator/rateTiers.ts, https://api.slack.com/apis/rate-limits), switched
 * on: over the limit the emulator answers 429 with Retry-After and `ratelimited`; a quota-reminders
 * fan-out under the limits waits them out and delivers each DM exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ensureSupporter } from '../../src/db/repositories/supporters.js';
import { quotaReminders } from '../../src/jobs/quotaReminders.js';
import { runJobOnce } from '../../src/jobs/runner.js';
import { addPeople, type JobWorld, postsByKey, startJobWorld } from '../helpers/jobWorld.js';

let w: JobWorld | undefined;
afterEach(async () => {
  await w?.stop();
  w = undefined;
});

const call = (method: string, body: Record<string, string>) =>
  fetch(`${w!.fake.apiUrl}${method}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${w!.fake.botToken}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(body).toString(),
  });

describe('rate limit tiers', () => {
  it('are off by default', async () => {
    w = await startJobWorld();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => call('chat.postMessage', { channel: 'CGENERAL', text: 'x' })),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  });

  it('answer 429 with Retry-After and ratelimited past a burst; per channel for chat.postMessage', async () => {
    w = await startJobWorld({ fake: { rateLimits: true } });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 5; i += 1) {
      const res = await call('chat.postMessage', { channel: 'CGENERAL', text: `x${i}` });
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited!.json()).toEqual({ ok: false, error: 'ratelimited' });
    // Another channel has its own allowance.
    expect((await call('chat.postMessage', { channel: 'CADVICE', text: 'y' })).status).toBe(200);
  });

  it('a job fan-out under the limits delivers each DM exactly once', async () => {
    w = await startJobWorld({
      realSleep: true,
      fake: {
        rateLimits: {
          overrides: {
            'chat.postMessage:workspace': { perMinute: 600, burst: 6 },
            'users.info': { perMinute: 600, burst: 5 },
          },
        },
      },
    });
    const people = addPeople(w.fake, 16);
    for (const id of people) await ensureSupporter(w.database.db, id, 'command', '2026-11-01T00:00:00.000Z');
    const now = new Date('2026-11-30T10:00:00+09:00');
    const outcome = await runJobOnce(w.deps, 'quota-reminders', quotaReminders, {
      scheduledFor: now,
      trigger: 'cli',
      now,
    });
    expect(outcome).toMatchObject({ outcome: 'completed', report: { sent: 16, failed: 0 } });
    expect(w.fake.calls.filter((c) => c.status === 429).length).toBeGreaterThan(0);
    const counts = postsByKey(w.fake);
    expect(counts.size).toBe(16);
    expect([...counts.values()]).toEqual(people.map(() => 1));
  }, 30_000);
});
