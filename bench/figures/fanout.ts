/**
 * Figure 3: quota reminders to N supporters (runNamedJob 'quota-reminders', JobDeps from createJobClient
 * against the fake Slack, real sleeps) while the fake answers every 200th chat.postMessage with 429 and
 * Retry-After: 1. The floor is what Retry-After forces: the delivery holds every worker on a shared gate
 * for Retry-After after each 429 (holds that overlap count once), so the forced minimum is the union of
 * [429 at, 429 at + Retry-After] over the 429s the fake recorded. Beside it, the same fan-out without
 * faults (what the sending itself costs), and a count of chat.postMessage successes per recipient.
 */

import { DELIVERY_TUNING } from '../../src/delivery/deliver.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import { addPeople, startJobWorld } from '../../test/helpers/jobWorld.js';
import { type Row, sec, times, verdict } from '../lib/report.js';
import { timed, unionLength } from '../lib/stats.js';

export type FanoutPlan = { reminders: number; every: number; retryAfterSeconds: number };
export const fanoutPlan = (quick: boolean): FanoutPlan => ({
  reminders: quick ? 400 : 2_000,
  every: 200,
  retryAfterSeconds: 1,
});

const FACTOR = 1.1;
/**
 * The allowance for the sending itself, beyond the waits: 3 ms per reminder (6 s for 2,000). Each
 * reminder is 3–4 SQLite writes in the `deliveries` ledger plus one HTTP round trip, 4 at a time; the
 * no-fault run below measures what that really costs here, and the allowance leaves room for a busy
 * 2-core machine. It is per message, so it does not grow with the number of 429s: every 429 must cost
 * its Retry-After and (almost) nothing more.
 */
const ALLOWANCE_MS_PER_MESSAGE = 3;

type Outcome = {
  elapsedMs: number;
  sent: number;
  duplicates: number;
  lost: number;
  rateLimited: number;
  forcedMs: number;
  sleeps: number;
};

const fanOut = async (plan: FanoutPlan, withFaults: boolean): Promise<Outcome> => {
  const world = await startJobWorld({ realSleep: true });
  try {
    const ids = addPeople(world.fake, plan.reminders);
    // The roster: everyone below quota (no slots) for the target month.
    const joined = '2026-01-01T00:00:00.000Z';
    for (let i = 0; i < ids.length; i += 500) {
      await world.deps.db
        .insertInto('supporters')
        .values(
          ids.slice(i, i + 500).map((id) => ({
            id,
            display_name: null,
            locale: null,
            source: 'command',
            joined_at: joined,
            left_at: null,
          })),
        )
        .execute();
    }
    if (withFaults) {
      world.fake.injectFault({
        method: 'chat.postMessage',
        kind: 'ratelimit',
        retryAfterSeconds: plan.retryAfterSeconds,
        when: (n) => n % plan.every === 0,
      });
    }
    const run = await timed(() => runNamedJob(world.deps, 'quota-reminders', { now: new Date() }));
    const posts = world.fake.calls.filter((c) => c.method === 'chat.postMessage');
    const perRecipient = new Map<string, number>();
    for (const c of posts)
      if (c.ok) perRecipient.set(String(c.args.channel), (perRecipient.get(String(c.args.channel)) ?? 0) + 1);
    const limited = posts.filter((c) => c.status === 429);
    return {
      elapsedMs: run.ms,
      sent: run.value.sent,
      duplicates: [...perRecipient.values()].filter((n) => n > 1).length,
      lost: ids.filter((id) => !perRecipient.has(id)).length,
      rateLimited: limited.length,
      forcedMs: unionLength(limited.map((c) => [c.at, c.at + plan.retryAfterSeconds * 1000] as const)),
      sleeps: world.sleeps.filter((s) => s === plan.retryAfterSeconds * 1000).length,
    };
  } finally {
    await world.stop();
  }
};

export const runFanout = async (plan: FanoutPlan, log: (s: string) => void): Promise<Row[]> => {
  // Warm-up (JIT, first-use of the job's modules), not measured.
  await fanOut({ ...plan, reminders: 100 }, false);
  const clean = await fanOut(plan, false);
  log(`  no faults: ${sec(clean.elapsedMs)} for ${clean.sent} sent`);
  const faulty = await fanOut(plan, true);
  log(
    `  429 every ${plan.every}th: ${sec(faulty.elapsedMs)}, ${faulty.rateLimited} x 429 recorded, ${faulty.sleeps} Retry-After waits, forced ${sec(faulty.forcedMs)}, sent ${faulty.sent}`,
  );
  const allowance = ALLOWANCE_MS_PER_MESSAGE * plan.reminders;
  const limit = FACTOR * faulty.forcedMs + allowance;
  const n = plan.reminders.toLocaleString('en-US');
  return [
    {
      figure: '3',
      what: `reminder fan-out, ${n} DMs, 429 every ${plan.every}th (${faulty.rateLimited} x ${plan.retryAfterSeconds} s)`,
      measured: sec(faulty.elapsedMs),
      baseline: `${sec(faulty.forcedMs)} forced by Retry-After`,
      ratio: times(faulty.elapsedMs / faulty.forcedMs),
      goal: `<= ${FACTOR}x + ${sec(allowance)} (= ${sec(limit)})`,
      verdict: verdict(faulty.elapsedMs <= limit),
    },
    {
      figure: '3',
      what: `same fan-out without faults (sending cost, concurrency ${DELIVERY_TUNING.concurrency})`,
      measured: sec(clean.elapsedMs),
      baseline: `${sec(allowance)} allowance`,
      ratio: times(clean.elapsedMs / allowance),
      goal: '-',
      verdict: 'info',
    },
    {
      figure: '3',
      what: 'fan-out duplicates / lost (chat.postMessage ok per recipient)',
      measured: `${faulty.duplicates} / ${faulty.lost} of ${n}`,
      baseline: `${clean.duplicates} / ${clean.lost} no faults`,
      ratio: '-',
      goal: '0 / 0',
      verdict: verdict(faulty.duplicates + faulty.lost + clean.duplicates + clean.lost === 0),
    },
  ];
};
