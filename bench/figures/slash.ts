/**
 * Figures 1 and 5: what a user of a slash command sees — signed `/slots list` and `/slots add` sent
 * open-loop at 50 and at 200 req/s to the real app (compiled, in a child process, real SQLite temp file)
 * and, in the same run, to a bare Bolt app that acks and answers a fixed text with respond(), each
 * request timed from its send to its reply reaching the fake Slack (a third process); the servers' own
 * CPU per command; and the app child's RSS idle and after each load round, beside the bare app's idle RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { testEnv } from '../../test/helpers/harness.js';
import { buildServers } from '../lib/build.js';
import { startServerChild } from '../lib/child.js';
import { startFakeChild } from '../lib/fakeChild.js';
import { mb, ms, type Row } from '../lib/report.js';
import { type CommandFactory, commandFactory, commandRound, type RoundResult } from '../lib/slashLoad.js';
import { percentile, sleep } from '../lib/stats.js';
import type { ServerChild } from '../servers/protocol.js';
import { type MeasuredRound, slashRows } from './slashRows.js';

export type SlashPlan = {
  /** Each iteration runs one round of each rate, bare then app. */
  rates: ReadonlyArray<{ rate: number; seconds: number }>;
  iterations: number;
  warmupSeconds: number;
};

export const slashPlan = (quick: boolean): SlashPlan => ({
  // At 50 req/s a round is longer, so its p99 still rests on 500 replies.
  rates: [
    { rate: 50, seconds: quick ? 4 : 10 },
    { rate: 200, seconds: quick ? 4 : 8 },
  ],
  // Three of each: a p99 on two busy cores moves by several ms from round to round, for both apps; the
  // figure is the median of the rounds' p99s. The memory figure reads RSS after each app round.
  iterations: quick ? 1 : 3,
  warmupSeconds: quick ? 1 : 3,
});

const USERS = 100;
/** After the last reply, time for the work after it (the Home refresh) before CPU and RSS are read. */
const SETTLE_MS = 500;

/** One round against one server child, with the child's CPU, memory and event-loop utilization around it. */
const measuredRound = async (
  child: ServerChild,
  fake: Parameters<typeof commandRound>[1],
  commands: CommandFactory,
  rate: number,
  seconds: number,
): Promise<MeasuredRound> => {
  const before = await child.sample();
  const r: RoundResult = await commandRound(
    `http://127.0.0.1:${child.port}/slack/events`,
    fake,
    commands,
    rate,
    seconds,
  );
  await sleep(SETTLE_MS);
  const after = await child.sample();
  return {
    ...r,
    rate,
    cpuMs: after.cpuMs - before.cpuAfterGcMs,
    rss: after.rss,
    heap: after.heapUsed,
    heapTotal: after.heapTotal,
    serverLoopUtilization: after.loopUtilization,
    inProcessP99: after.inProcessP99Ms,
  };
};

export const runSlash = async (plan: SlashPlan, log: (s: string) => void): Promise<Row[]> => {
  await buildServers(log);
  const dir = mkdtempSync(join(tmpdir(), 'sd-bench-slash-'));
  const users = Array.from({ length: USERS }, (_, i) => `UB${String(i).padStart(3, '0')}`);
  const fake = await startFakeChild(users);
  const dbFile = join(dir, 'app.sqlite');
  const env = { ...testEnv(fake, dbFile), LOG_LEVEL: 'info' };
  let app: ServerChild | undefined;
  let bare: ServerChild | undefined;
  try {
    [app, bare] = await Promise.all([
      startServerChild('app', env, process.env.BENCH_APP_LOG),
      startServerChild('bare', env),
    ]);
    await sleep(1000);
    const idle = await app.sample();
    const idleBareSample = await bare.sample();
    const idleBare = idleBareSample.rss;
    // The CPU each spends doing nothing (timers, the bench's own sampling): a fixed cost per second, so
    // per command it weighs four times more at 50 req/s than at 200.
    await sleep(1000);
    const idleCpu = async (child: ServerChild, before: { cpuAfterGcMs: number }) =>
      (await child.sample()).cpuMs - before.cpuAfterGcMs;
    log(
      `  idle RSS: app ${mb(idle.rss)} (heap ${mb(idle.heapUsed)}), bare ${mb(idleBare)}; idle CPU: app ${ms(await idleCpu(app, idle))}/s, bare ${ms(await idleCpu(bare, idleBareSample))}/s`,
    );

    const servers = { app, bare };
    const commands = { app: commandFactory(fake, users), bare: commandFactory(fake, users) };
    const rounds: Record<'app' | 'bare', MeasuredRound[]> = { app: [], bare: [] };
    let appAddsAcked = 0;
    const round = async (name: 'app' | 'bare', rate: number, seconds: number) => {
      const r = await measuredRound(servers[name], fake, commands[name], rate, seconds);
      if (name === 'app') appAddsAcked += r.addsAcked;
      return r;
    };
    const top = plan.rates.at(-1)!.rate;
    await round('bare', top, plan.warmupSeconds);
    await round('app', top, plan.warmupSeconds);
    for (let i = 0; i < plan.iterations; i += 1) {
      for (const { rate, seconds } of plan.rates) {
        for (const name of ['bare', 'app'] as const) {
          const r = await round(name, rate, seconds);
          rounds[name].push(r);
          log(`  ${name} ${rate}/s round ${i + 1}: ${describe(r)}`);
        }
      }
    }
    const stored = countSlots(dbFile);
    log(`  slots stored ${stored} for ${appAddsAcked} adds acked`);
    return slashRows({
      plan,
      app: rounds.app,
      bare: rounds.bare,
      idle,
      idleBare,
      missingSlots: Math.max(0, appAddsAcked - stored),
    });
  } finally {
    await Promise.all([app?.stop(), bare?.stop()]);
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

const describe = (r: MeasuredRound) =>
  [
    `reply p50 ${ms(percentile(r.reply, 50))} p99 ${ms(percentile(r.reply, 99))}`,
    `(list ${ms(r.replyP99ByKind.list)}, add ${ms(r.replyP99ByKind.add)})`,
    `ack p99 ${ms(percentile(r.ack, 99))},`,
    `${r.reply.length}/${r.sent} answered [${r.codes}],`,
    `CPU/command ${ms(r.cpuMs / Math.max(1, r.acked))},`,
    `server loop busy ${(100 * r.serverLoopUtilization).toFixed(0)} %, in-process ack p99 ${r.inProcessP99 ? ms(r.inProcessP99) : 'n/a'},`,
    `sender late p99 ${ms(r.lateP99)}, CPU/command sender ${ms(r.senderCpuMs / Math.max(1, r.sent))} fake ${ms(r.fakeCpuMs / Math.max(1, r.sent))},`,
    `RSS ${mb(r.rss)}; Slack calls per command: ${r.callsPerCommand}`,
  ].join(' ');

const countSlots = (file: string): number => {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from slots').get() as { n: number }).n;
  } finally {
    db.close();
  }
};
