/**
 * Figures 1 and 5: signed `/slots list` and `/slots add` through the real HTTP path of buildApp (child
 * process, real SQLite temp file, fake Slack in a third process) against a bare Bolt app (child process,
 * HTTPReceiver, one command that acks), both loaded by autocannon at the same rate; and the app child's
 * RSS idle and after each of its load rounds, beside the bare app's idle RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { DateTime } from 'luxon';
import { signRequest } from '../../emulator/deliver.js';
import { TEAM_ID } from '../../emulator/state.js';
import { SIGNING_SECRET, testEnv } from '../../test/helpers/harness.js';
import { buildServers } from '../lib/build.js';
import { startServerChild } from '../lib/child.js';
import { type FakeChild, startFakeChild } from '../lib/fakeChild.js';
import { mb, ms, type Row, times, verdict } from '../lib/report.js';
import { median, sleep } from '../lib/stats.js';
import type { ServerChild } from '../servers/protocol.js';

export type SlashPlan = {
  rate: number;
  connections: number;
  roundSeconds: number;
  warmupSeconds: number;
  bareRounds: number;
  appRounds: number;
};

export const slashPlan = (quick: boolean): SlashPlan => ({
  rate: 200,
  connections: 10,
  roundSeconds: quick ? 5 : 10,
  warmupSeconds: quick ? 1 : 3,
  // Five of each: a p99 of 2,000 requests on two busy cores moves by ~10 ms from round to round, and the
  // median of three let single runs read 0.5x to 1.6x; the memory figure needs at least three app rounds.
  bareRounds: quick ? 1 : 5,
  appRounds: quick ? 3 : 5,
});

const USERS = 100;
const P99_GOAL = 1.5;
const IDLE_RSS_GOAL = 2;
const GROWTH_FACTOR = 1.1;
const GROWTH_SLACK = 10 * 1024 * 1024;

type LoadResult = {
  p50: number;
  p99: number;
  sent: number;
  ok: number;
  /** 2xx answers per second actually achieved. */
  rate: number;
  errors: number;
  /** Bench-process event-loop delay p99 during the round (autocannon's loop). */
  loopP99: number;
  /** Status codes seen, e.g. `200:1000 401:3`. */
  codes: string;
};

type Round = LoadResult & {
  /** CPU time the server child used per request answered (user + system, ms), work after the ack included. */
  cpuPerRequest: number;
  /** CPU time this process (autocannon) used per request. */
  benchCpuPerRequest: number;
  /** The server child's event-loop delay p99 over the round (ms). */
  serverLoopP99?: number;
  /** In the server child: request read → response finished, p99 over the round (ms). */
  inProcessP99?: number;
};

/**
 * Fresh, unique slash-command bodies: every request gets its own trigger id and response_url. The URLs
 * come from the fake Slack child, asked for ahead of each round (`stockUp`): building a request is
 * synchronous in autocannon.
 */
const bodyFactory = (fake: FakeChild, users: readonly string[]) => {
  let n = 0;
  const urls = new Map<string, string[]>(users.map((u) => [u, []]));
  const urlFor = (user: string): string => {
    const url = urls.get(user)?.pop();
    if (!url) throw new Error(`no response_url left for ${user}: stock up before the round`);
    return url;
  };
  let adds = 0;
  let lists = 0;
  const days = new Map<number, string>();
  const dateIn = (k: number) => {
    let d = days.get(k);
    if (!d) {
      d = DateTime.now().setZone('Asia/Tokyo').startOf('day').plus({ days: k }).toFormat('yyyy-MM-dd');
      days.set(k, d);
    }
    return d;
  };
  return {
    get adds() {
      return adds;
    },
    /** Enough response URLs for `requests` more requests: next() takes the users in turn, adds and lists alike. */
    stockUp: async (requests: number) => {
      const perUser = Math.ceil(requests / users.length) + 2;
      const wanted = users.flatMap(
        (u) => Array(Math.max(0, perUser - urls.get(u)!.length)).fill(u) as string[],
      );
      const got = await fake.responseUrls('CGENERAL', wanted);
      for (const [i, url] of got.entries()) urls.get(wanted[i]!)!.push(url);
    },
    next: (): string => {
      n += 1;
      let user: string;
      let text: string;
      if (n % 2 === 0) {
        // Each user's adds take the next free hour (09:00–16:00 JST, then the next day): never a clash.
        const j = Math.floor(adds / users.length);
        user = users[adds % users.length]!;
        text = `add ${dateIn(1 + Math.floor(j / 8))} ${9 + (j % 8)}:00`;
        adds += 1;
      } else {
        user = users[lists % users.length]!;
        text = 'list';
        lists += 1;
      }
      return new URLSearchParams({
        token: 'deprecated-verification-token',
        team_id: TEAM_ID,
        team_domain: 'supporters',
        channel_id: 'CGENERAL',
        channel_name: 'general',
        user_id: user,
        user_name: user.toLowerCase(),
        command: '/slots',
        text,
        api_app_id: 'A0DESK',
        is_enterprise_install: 'false',
        response_url: urlFor(user),
        trigger_id: `${n}.${user}.trigger`,
      }).toString();
    },
  };
};

const loadRound = (port: number, plan: SlashPlan, seconds: number, nextBody: () => string) =>
  new Promise<LoadResult>((resolve, reject) => {
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    autocannon(
      {
        url: `http://127.0.0.1:${port}/slack/events`,
        method: 'POST',
        connections: plan.connections,
        overallRate: plan.rate,
        duration: seconds,
        timeout: 10,
        requests: [
          {
            setupRequest: (req) => {
              // Signed at build time: fresh timestamp and signature, so the app's replay guard passes.
              const body = nextBody();
              const timestamp = Math.floor(Date.now() / 1000);
              return {
                ...req,
                method: 'POST',
                body,
                headers: {
                  ...req.headers,
                  'content-type': 'application/x-www-form-urlencoded',
                  'x-slack-request-timestamp': String(timestamp),
                  'x-slack-signature': signRequest(SIGNING_SECRET, timestamp, body),
                },
              };
            },
          },
        ],
      },
      (err, result) => {
        loop.disable();
        if (err) return reject(err);
        resolve({
          p50: result.latency.p50,
          p99: result.latency.p99,
          // requests.sent overcounts by the rate (autocannon pre-counts the next second): use completions.
          sent: result.requests.total + result.errors,
          rate: result['2xx'] / seconds,
          ok: result['2xx'],
          // autocannon counts a timeout in `errors` too.
          errors: result.errors + result.non2xx,
          loopP99: loop.percentile(99) / 1e6,
          codes: Object.entries(
            (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ??
              {},
          )
            .map(([code, s]) => `${code}:${s.count}`)
            .join(' '),
        });
      },
    );
  });

export const runSlash = async (plan: SlashPlan, log: (s: string) => void): Promise<Row[]> => {
  await buildServers(log);
  const dir = mkdtempSync(join(tmpdir(), 'sd-bench-slash-'));
  const users = Array.from({ length: USERS }, (_, i) => `UB${String(i).padStart(3, '0')}`);
  const fake = await startFakeChild(users);
  let replies = 0;
  const countReplies = async () => {
    replies = await fake.replies();
    return replies;
  };
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
    const idleApp = idle.rss;
    const idleBare = (await bare.sample()).rss;
    log(`  idle RSS: app ${mb(idleApp)} (heap ${mb(idle.heapUsed)}), bare ${mb(idleBare)}`);

    const appBodies = bodyFactory(fake, users);
    const bareBodies = bodyFactory(fake, users);
    let expectedReplies = 0;
    const appRound = async (seconds: number) => {
      await appBodies.stockUp(plan.rate * seconds * 1.5);
      const before = await app!.sample();
      const benchBefore = process.cpuUsage();
      const r = await loadRound(app!.port, plan, seconds, appBodies.next);
      expectedReplies += r.ok;
      // Work after the ack (reply on response_url, Home refresh) finishes before RSS is read.
      const until = Date.now() + 15_000;
      while ((await countReplies()) < expectedReplies && Date.now() < until) await sleep(50);
      await sleep(500);
      const after = await app!.sample();
      return {
        ...withCpu(r, after.cpuMs - before.cpuMs, process.cpuUsage(benchBefore), after.rss),
        serverLoopP99: after.loopP99Ms,
        inProcessP99: after.inProcessP99Ms,
        heap: after.heapUsed,
        heapTotal: after.heapTotal,
      };
    };
    const bareRound = async (seconds: number) => {
      await bareBodies.stockUp(plan.rate * seconds * 1.5);
      const before = await bare!.sample();
      const benchBefore = process.cpuUsage();
      const r = await loadRound(bare!.port, plan, seconds, bareBodies.next);
      const after = await bare!.sample();
      return {
        ...withCpu(r, after.cpuMs - before.cpuMs, process.cpuUsage(benchBefore), after.rss),
        serverLoopP99: after.loopP99Ms,
        inProcessP99: after.inProcessP99Ms,
      };
    };

    await bareRound(plan.warmupSeconds);
    await appRound(plan.warmupSeconds);
    const bareRounds: Round[] = [];
    const appRounds: Array<Round & { rss: number; heap: number; heapTotal: number }> = [];
    for (let i = 0; i < Math.max(plan.appRounds, plan.bareRounds); i += 1) {
      if (i < plan.bareRounds) {
        const b = await bareRound(plan.roundSeconds);
        bareRounds.push(b);
        log(`  bare round ${i + 1}: ${describe(b)}`);
      }
      if (i < plan.appRounds) {
        const a = await appRound(plan.roundSeconds);
        appRounds.push(a);
        log(`  app round ${i + 1}: ${describe(a)}, RSS ${mb(a.rss)} (heap ${mb(a.heap)})`);
      }
    }
    const missingReplies = Math.max(0, expectedReplies - (await countReplies()));
    const stored = countSlots(dbFile);
    // autocannon may build a request it never sends when a round ends: at most one per connection.
    const unsent = plan.connections * (plan.appRounds + 1);
    const missingSlots = Math.max(0, appBodies.adds - unsent - stored);
    log(`  replies ${replies} for ${expectedReplies} acks, slots stored ${stored} of ${appBodies.adds} adds`);

    const sum = (rs: Round[], k: 'sent' | 'ok' | 'errors') => rs.reduce((n, r) => n + r[k], 0);
    const appP50 = median(appRounds.map((r) => r.p50));
    const appP99 = median(appRounds.map((r) => r.p99));
    const bareP50 = median(bareRounds.map((r) => r.p50));
    const bareP99 = median(bareRounds.map((r) => r.p99));
    const appErrors = sum(appRounds, 'errors') + missingReplies + missingSlots;
    const bareErrors = sum(bareRounds, 'errors');
    const rounds = `${plan.rate} req/s x ${plan.roundSeconds} s`;
    const rss = appRounds.map((r) => r.rss);
    const growthLimit = rss[0]! * GROWTH_FACTOR + GROWTH_SLACK;
    const appCpu = median(appRounds.map((r) => r.cpuPerRequest));
    const appInProcess = median(appRounds.map((r) => r.inProcessP99 ?? 0));
    const bareInProcess = median(bareRounds.map((r) => r.inProcessP99 ?? 0));
    const bareCpu = median(bareRounds.map((r) => r.cpuPerRequest));
    const appLoop = median(appRounds.map((r) => r.serverLoopP99 ?? 0));
    const bareLoop = median(bareRounds.map((r) => r.serverLoopP99 ?? 0));
    return [
      versusBare(`slash ack p50 (${rounds}, median of rounds)`, appP50, bareP50),
      {
        figure: '1',
        what: `slash ack p99 (${appRounds.length} app / ${bareRounds.length} bare rounds)`,
        measured: ms(appP99),
        baseline: `${ms(bareP99)} bare Bolt`,
        ratio: times(appP99 / bareP99),
        goal: `<= ${P99_GOAL}x bare`,
        verdict: verdict(appP99 <= P99_GOAL * bareP99),
      },
      {
        figure: '1',
        what: `achieved rate (offered ${plan.rate} req/s)`,
        measured: `${median(appRounds.map((r) => r.rate)).toFixed(0)} req/s`,
        baseline: `${median(bareRounds.map((r) => r.rate)).toFixed(0)} req/s bare Bolt`,
        ratio: times(median(appRounds.map((r) => r.rate)) / median(bareRounds.map((r) => r.rate))),
        goal: '-',
        verdict: 'info',
      },
      // The app acks on its HTTP front's thread, where these channels are not seen: its row reads the
      // main thread's event-loop delay instead, which requests no longer wait on.
      appInProcess > 0
        ? versusBare('ack p99 inside the server (request read -> response sent)', appInProcess, bareInProcess)
        : versusBare('main event-loop delay p99 (acks do not wait on it)', appLoop, bareLoop),
      versusBare('server CPU per request (after-ack work included)', appCpu, bareCpu),
      {
        figure: '1',
        what: 'slash errors (non-2xx, timeouts, lost replies/slots)',
        measured: `${appErrors} of ${sum(appRounds, 'sent')}`,
        baseline: `${bareErrors} of ${sum(bareRounds, 'sent')}`,
        ratio: '-',
        goal: '0',
        verdict: verdict(appErrors === 0 && bareErrors === 0),
      },
      {
        figure: '5',
        what: 'RSS idle after start',
        measured: mb(idleApp),
        baseline: `${mb(idleBare)} bare Bolt`,
        ratio: times(idleApp / idleBare),
        goal: `<= ${IDLE_RSS_GOAL}x bare`,
        verdict: verdict(idleApp <= IDLE_RSS_GOAL * idleBare),
      },
      {
        figure: '5',
        what: `RSS after load rounds ${appRounds.map((_, i) => i + 1).join(' / ')}`,
        measured: `${rss.map((v) => (v / 1024 / 1024).toFixed(1)).join(' / ')} MB`,
        baseline: `${mb(rss[0]!)} round 1`,
        ratio: times(rss.at(-1)! / rss[0]!),
        goal: '<= r1 x 1.1 + 10 MB',
        verdict: verdict(rss.at(-1)! <= growthLimit),
      },
      {
        figure: '5',
        what: `JS heap used (committed) after load rounds ${appRounds.map((_, i) => i + 1).join(' / ')}, after GC`,
        measured: `${appRounds.map((r) => `${(r.heap / 1024 / 1024).toFixed(1)} (${(r.heapTotal / 1024 / 1024).toFixed(0)})`).join(' / ')} MB`,
        baseline: `${mb(idle.heapUsed)} idle`,
        ratio: times(appRounds.at(-1)!.heap / appRounds[0]!.heap),
        goal: '-',
        verdict: 'info',
      },
    ];
  } finally {
    await Promise.all([app?.stop(), bare?.stop()]);
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
};

const withCpu = (
  r: LoadResult,
  childCpuMs: number,
  bench: NodeJS.CpuUsage,
  rss: number,
): Round & { rss: number } => ({
  ...r,
  cpuPerRequest: childCpuMs / Math.max(1, r.ok),
  benchCpuPerRequest: (bench.user + bench.system) / 1000 / Math.max(1, r.ok),
  rss,
});

/** An info row of figure 1: a time of the app beside the bare app's. */
const versusBare = (what: string, app: number, bare: number): Row => ({
  figure: '1',
  what,
  measured: ms(app),
  baseline: `${ms(bare)} bare Bolt`,
  ratio: times(app / bare),
  goal: '-',
  verdict: 'info',
});

const describe = (r: Round) =>
  `p50 ${ms(r.p50)} p99 ${ms(r.p99)}, ${r.ok}/${r.sent} ok (${r.rate.toFixed(0)}/s) [${r.codes}], CPU/req server ${ms(r.cpuPerRequest)} bench ${ms(r.benchCpuPerRequest)}, in-process p99 ${r.inProcessP99 ? ms(r.inProcessP99) : 'n/a'}, loop p99 server ${ms(r.serverLoopP99 ?? 0)} bench ${ms(r.loopP99)}`;

const countSlots = (file: string): number => {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from slots').get() as { n: number }).n;
  } finally {
    db.close();
  }
};
