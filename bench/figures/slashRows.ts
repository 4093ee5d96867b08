/** The rows of figures 1 and 5 from the measured rounds of ./slash.ts. */

import { mb, ms, type Row, times, verdict } from '../lib/report.js';
import type { RoundResult } from '../lib/slashLoad.js';
import { median, percentile } from '../lib/stats.js';
import type { Sample } from '../servers/protocol.js';
import type { SlashPlan } from './slash.js';

export type MeasuredRound = RoundResult & {
  rate: number;
  /** CPU time (user + system) the server child used over the round, its after-reply work included. */
  cpuMs: number;
  rss: number;
  heap: number;
  heapTotal: number;
  /** The server's event-loop utilization over the round and its settling (0–1). */
  serverLoopUtilization: number;
  inProcessP99: number;
};

const REPLY_P99_GOAL = 1.3;
const IDLE_RSS_GOAL = 1.3;
const CPU_PER_COMMAND_GOAL_MS = 2;
const GROWTH_FACTOR = 1.1;
const GROWTH_SLACK = 10 * 1024 * 1024;

/** The median over rounds of one percentile of one latency list. */
const medianOf = (rounds: readonly MeasuredRound[], list: 'reply' | 'ack', p: number) =>
  median(rounds.map((r) => percentile(r[list], p)));

const sum = (rounds: readonly MeasuredRound[], f: (r: MeasuredRound) => number) =>
  rounds.reduce((n, r) => n + f(r), 0);

const cpuPerCommand = (rounds: readonly MeasuredRound[]) =>
  sum(rounds, (r) => r.cpuMs) /
  Math.max(
    1,
    sum(rounds, (r) => r.acked),
  );

const row = (what: string, app: number, bare: number, goal?: number): Row => ({
  figure: '1',
  what,
  measured: ms(app),
  baseline: `${ms(bare)} bare Bolt`,
  ratio: times(app / bare),
  goal: goal === undefined ? '-' : `<= ${goal}x bare`,
  verdict: goal === undefined ? 'info' : verdict(app <= goal * bare),
});

export const slashRows = (m: {
  plan: SlashPlan;
  app: readonly MeasuredRound[];
  bare: readonly MeasuredRound[];
  idle: Sample;
  idleBare: number;
  missingSlots: number;
}): Row[] => {
  const latency: Row[] = m.plan.rates.flatMap(({ rate, seconds }) => {
    const app = m.app.filter((r) => r.rate === rate);
    const bare = m.bare.filter((r) => r.rate === rate);
    const at = `${rate} req/s x ${seconds} s`;
    return [
      row(
        `reply p50 at ${at} (send -> reply at Slack)`,
        medianOf(app, 'reply', 50),
        medianOf(bare, 'reply', 50),
      ),
      row(
        `reply p99 at ${at} (median of ${app.length} app / ${bare.length} bare rounds)`,
        medianOf(app, 'reply', 99),
        medianOf(bare, 'reply', 99),
        REPLY_P99_GOAL,
      ),
    ];
  });
  const top = m.plan.rates.at(-1)!.rate;
  const appErrors = sum(m.app, (r) => r.errors) + m.missingSlots;
  const bareErrors = sum(m.bare, (r) => r.errors);
  const appCpu = cpuPerCommand(m.app);
  // Memory is compared like with like: after each round at the top rate (a round at 50 req/s leaves
  // fewer commands in flight, and less young generation, than one at 200).
  const topRounds = m.app.filter((r) => r.rate === top);
  const topBare = m.bare.filter((r) => r.rate === top);
  const rss = topRounds.map((r) => r.rss);
  const rounds = `${topRounds.map((_, i) => i + 1).join(' / ')} at ${top} req/s`;
  return [
    ...latency,
    {
      figure: '1',
      what: 'errors (non-2xx, timeouts, replies not received, adds not stored)',
      measured: `${appErrors} of ${sum(m.app, (r) => r.sent)}`,
      baseline: `${bareErrors} of ${sum(m.bare, (r) => r.sent)} bare Bolt`,
      ratio: '-',
      goal: '0',
      verdict: verdict(appErrors === 0 && bareErrors === 0),
    },
    {
      figure: '1',
      what: 'server CPU per command (own cpuUsage over the rounds, after-reply work included)',
      measured: ms(appCpu),
      baseline: `${ms(cpuPerCommand(m.bare))} bare Bolt`,
      ratio: times(appCpu / cpuPerCommand(m.bare)),
      goal: `<= ${ms(CPU_PER_COMMAND_GOAL_MS)}`,
      verdict: verdict(appCpu <= CPU_PER_COMMAND_GOAL_MS),
    },
    row(
      `empty-ack p99 at ${top} req/s (send -> ack read; the old figure 1)`,
      medianOf(topRounds, 'ack', 99),
      medianOf(topBare, 'ack', 99),
    ),
    {
      figure: '5',
      what: 'RSS idle after start (both compiled, plain node)',
      measured: mb(m.idle.rss),
      baseline: `${mb(m.idleBare)} bare Bolt`,
      ratio: times(m.idle.rss / m.idleBare),
      goal: `<= ${IDLE_RSS_GOAL}x bare`,
      verdict: verdict(m.idle.rss <= IDLE_RSS_GOAL * m.idleBare),
    },
    {
      figure: '5',
      what: `RSS after load rounds ${rounds}`,
      measured: `${rss.map((v) => (v / 1024 / 1024).toFixed(1)).join(' / ')} MB`,
      baseline: `${mb(rss[0]!)} round 1`,
      ratio: times(rss.at(-1)! / rss[0]!),
      goal: '<= r1 x 1.1 + 10 MB',
      verdict: verdict(rss.at(-1)! <= rss[0]! * GROWTH_FACTOR + GROWTH_SLACK),
    },
    {
      figure: '5',
      what: `JS heap used (committed) after load rounds ${rounds}, after GC`,
      measured: `${topRounds.map((r) => `${(r.heap / 1024 / 1024).toFixed(1)} (${(r.heapTotal / 1024 / 1024).toFixed(0)})`).join(' / ')} MB`,
      baseline: `${mb(m.idle.heapUsed)} idle`,
      ratio: times(topRounds.at(-1)!.heap / topRounds[0]!.heap),
      goal: '-',
      verdict: 'info',
    },
  ];
};
