/**
 * Two instances on one PostgreSQL schema (PostgreSQL only: the postgres vitest project). Two real app
 * processes (what `npm start` runs: node on the compiled dist/) share one schema and one fake Slack; jobs run
 * as real CLI processes (the compiled bin, `supporter-desk job …`), two at once, or one SIGKILLed mid-run and another finishing it.
 * Whatever the interleaving, every DM goes out exactly once and a Slack event counts once.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackToApp } from '../../emulator/deliver.js';
import { storeThreadReply } from '../../emulator/messageEvents.js';
import { FakeSlack } from '../../emulator/server.js';
import { seedWorkspace, USERS } from '../../emulator/workspace.js';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js';
import { binArgs, startBuilt } from '../helpers/built.js';
import { ROOT, runProcess } from '../helpers/cli.js';
import { dropTestDatabase, onPostgres, testDatabaseUrl } from '../helpers/db.js';
import { ADVICE_CHANNEL, SIGNING_SECRET, testEnv } from '../helpers/harness.js';
import { addPeople, postsByKey } from '../helpers/jobWorld.js';

type Instance = { name: string; child: ChildProcess; slack: SlackToApp; port: number; output: () => string };

const startInstance = async (
  name: string,
  env: Record<string, string>,
  fake: FakeSlack,
): Promise<Instance> => {
  const started = startBuilt(ROOT, env);
  const { port } = await started.running(40_000).catch((err: Error) => {
    throw new Error(`${name}: ${err.message}`);
  });
  const url = `http://127.0.0.1:${port}/slack/events`;
  return {
    name,
    child: started.child,
    slack: new SlackToApp(fake, url, SIGNING_SECRET),
    port,
    output: started.output,
  };
};

const stopInstance = async (i: Instance | undefined) => {
  if (!i || i.child.exitCode !== null || i.child.signalCode !== null) return;
  const exited = new Promise((r) => i.child.once('close', r));
  i.child.kill('SIGTERM');
  await exited;
};

describe.skipIf(!onPostgres())('two instances on one PostgreSQL schema', () => {
  let fake: FakeSlack;
  let url: string;
  let env: Record<string, string>;
  let db: DatabaseHandle;
  let a: Instance | undefined;
  let b: Instance | undefined;
  let people: string[];

  beforeAll(async () => {
    fake = await new FakeSlack().start();
    seedWorkspace(fake);
    people = addPeople(fake, 20);
    url = testDatabaseUrl();
    env = testEnv(fake, url, { SCHEDULER_ENABLED: 'false', LOG_LEVEL: 'info' });
    // Both start on an empty schema at once: the migration lock lets one migrate, the other waits.
    [a, b] = await Promise.all([startInstance('A', env, fake), startInstance('B', env, fake)]);
    db = openDatabase(url);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([stopInstance(a), stopInstance(b)]);
    await db?.close();
    await fake?.stop();
    if (url) await dropTestDatabase(url);
  });

  const job = (now: string) => binArgs('job', 'quota-reminders', '--now', now);
  const keysFor = (day: string) =>
    [...postsByKey(fake).entries()].filter(([key]) => key.startsWith('quota:') && key.endsWith(`:${day}`));

  it('share one database: a supporter who joined on either is on the roster of both', async () => {
    for (const [n, id] of people.entries()) {
      const via = n % 2 ? b! : a!;
      expect((await via.slack.ask(id, '/supporter', 'join')).text).toContain('サポーターとして登録しました');
    }
    // Joining again on the other instance finds the row the first one wrote.
    expect((await b!.slack.ask(people[0]!, '/supporter', 'join')).text).toContain(
      'すでにサポーターとして登録',
    );
    const rows = await db.db.selectFrom('supporters').select('id').execute();
    expect(rows.map((r) => r.id).sort()).toEqual([...people].sort());
    for (const i of [a!, b!]) expect((await fetch(`http://127.0.0.1:${i.port}/healthz`)).status).toBe(200);
  });

  it('count a Slack event once when it reaches both instances at the same time', async () => {
    const day = DateTime.now().setZone('Asia/Tokyo').plus({ days: 20 }).toFormat('yyyy-MM-dd');
    const posted = await a!.slack.ask(USERS.aiko.id, '/consult', `${day} 19:00 強みの棚卸しの進め方 #人事`);
    expect(posted.text).not.toMatch(/エラー/);
    const post = fake.state.channelMessages(ADVICE_CHANNEL).at(-1)!;
    const event = storeThreadReply(fake.state, USERS.ken.id, ADVICE_CHANNEL, post.ts, 'ぜひ');
    const eventId = `EvTWO${Date.now()}`;
    // Slack's retry is a new request (its own timestamp, so its own signature) with the same event_id.
    const timestamp = Math.floor(Date.now() / 1000);
    const sent = await Promise.all([
      a!.slack.event(event, { eventId, timestamp }),
      b!.slack.event(event, { eventId, retryNum: 1, timestamp: timestamp + 1 }),
    ]);
    expect(sent.map((s) => s.status)).toEqual([200, 200]);
    const replies = async () => db.db.selectFrom('thread_replies').selectAll().execute();
    const deadline = Date.now() + 10_000;
    while ((await replies()).length === 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300)); // any second processing would have landed by now
    expect(await replies()).toHaveLength(1);
    const claimed = await db.db
      .selectFrom('slack_events')
      .selectAll()
      .where('event_id', '=', eventId)
      .execute();
    expect(claimed).toHaveLength(1);
  });

  it('refuse a signed request replayed to the other instance: 401, answered once', async () => {
    const responseUrl = fake.newResponseUrl('CGENERAL', USERS.aiko.id);
    const body = new URLSearchParams({
      command: '/slots',
      text: 'list',
      user_id: USERS.aiko.id,
      channel_id: 'CGENERAL',
      team_id: 'T0SUPPORT',
      response_url: responseUrl,
      trigger_id: '1.UAIKO.replay',
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const before = fake.state.ephemerals.length;
    const replies = () =>
      fake.state.ephemerals.slice(before).filter((e) => e.user === USERS.aiko.id && e.via === 'response_url');
    const first = await a!.slack.post(body, 'application/x-www-form-urlencoded', { timestamp });
    expect(first.status).toBe(200);
    await fake.waitFor(() => replies().length > 0, 5000, 'the answer from A');
    const replayed = await b!.slack.post(body, 'application/x-www-form-urlencoded', { timestamp });
    expect(replayed.status).toBe(401);
    // Either order: sent to B first, A refuses it.
    const other = await b!.slack.post(body, 'application/x-www-form-urlencoded', {
      timestamp: timestamp + 1,
    });
    expect(other.status).toBe(200);
    expect(
      (await a!.slack.post(body, 'application/x-www-form-urlencoded', { timestamp: timestamp + 1 })).status,
    ).toBe(401);
    await fake.waitFor(() => replies().length >= 2, 5000, 'the answer from B');
    await new Promise((r) => setTimeout(r, 300)); // a third answer would have landed by now
    expect(replies()).toHaveLength(2);
    expect(b!.output()).toContain('replayed request');
  });

  it('run one job occurrence in two processes at once: each DM is sent once', async () => {
    fake.clearCalls();
    const now = '2026-12-01T10:00:00+09:00';
    const runs = await Promise.all([runProcess('node', job(now), env), runProcess('node', job(now), env)]);
    // The one that lost the occurrence either skipped it or re-ran it after the winner finished.
    for (const r of runs) {
      if (r.code !== 0) expect(r.stderr).toMatch(/not run, already (running|ran)/);
    }
    expect(runs.some((r) => r.code === 0)).toBe(true);
    const sent = keysFor('2026-12-01');
    const recipients = new Set(sent.map(([key]) => key.split(':')[1]));
    for (const p of [...people, USERS.aiko.id]) expect(recipients.has(p), p).toBe(true);
    expect(sent.map(([key, n]) => [key, n]).filter(([, n]) => n !== 1)).toEqual([]);
    for (const p of people) expect(fake.state.dmsTo(p)).toHaveLength(1);
  }, 60_000);

  it('finish a run whose process was killed mid-run, from another process, without duplicates', async () => {
    fake.clearCalls();
    fake.injectFault({ method: 'chat.postMessage', kind: 'delay', ms: 150 });
    const now = '2026-12-02T10:00:00+09:00';
    const killed = spawn('node', job(now), {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => killed.once('close', r));
    await fake.waitFor(() => keysFor('2026-12-02').length >= 5, 30_000, 'the first DMs of the run');
    killed.kill('SIGKILL');
    await exited;
    fake.clearFaults();
    const before = keysFor('2026-12-02').length;
    expect(before).toBeLessThan(people.length);

    // The killed run left its occurrence `running` and some deliveries claimed (`sending`), maybe already
    // posted. Another process, past the 10-minute lease (same local day, so the same keys), takes them
    // over: it checks Slack's history for each claimed key and sends only what had not gone out.
    const rerun = await runProcess('node', job('2026-12-02T10:15:00+09:00'), env);
    expect(rerun.code, rerun.stderr).toBe(0);
    const sent = keysFor('2026-12-02');
    expect(sent.filter(([, n]) => n !== 1)).toEqual([]);
    for (const p of people) expect(fake.state.dmsTo(p), p).toHaveLength(2); // 12/01 and 12/02
    const unsettled = await db.db
      .selectFrom('deliveries')
      .select(['key', 'status'])
      .where('key', 'like', 'quota:%:2026-12-02')
      .where('status', '!=', 'sent')
      .execute();
    expect(unsettled).toEqual([]);
  }, 60_000);

  it("take over a killed run's delivery claims at once, under the job lock, without duplicates", async () => {
    fake.clearCalls();
    fake.injectFault({ method: 'chat.postMessage', kind: 'delay', ms: 150 });
    const now = '2026-12-03T10:00:00+09:00';
    const killed = spawn('node', job(now), {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stdio: 'ignore',
    });
    const exited = new Promise((r) => killed.once('close', r));
    await fake.waitFor(() => keysFor('2026-12-03').length >= 5, 30_000, 'the first DMs of the run');
    killed.kill('SIGKILL');
    await exited;
    fake.clearFaults();
    const claimed = await db.db
      .selectFrom('deliveries')
      .select('key')
      .where('key', 'like', 'quota:%:2026-12-03')
      .where('status', '=', 'sending')
      .execute();
    expect(claimed.length).toBeGreaterThan(0); // the killed run died holding claims

    // At once and with the same --now: the killed run's session is gone, so its advisory lock is free and
    // the rerun holds it exclusively — the occurrence and the claims it left are taken over, history first.
    const rerun = await runProcess('node', job(now), env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(keysFor('2026-12-03').filter(([, n]) => n !== 1)).toEqual([]);
    for (const p of people) expect(fake.state.dmsTo(p), p).toHaveLength(3); // 12/01, 12/02 and 12/03
    const unsettled = await db.db
      .selectFrom('deliveries')
      .select(['key', 'status'])
      .where('key', 'like', 'quota:%:2026-12-03')
      .where('status', '!=', 'sent')
      .execute();
    expect(unsettled).toEqual([]);
  }, 60_000);

  it('keep serving from one instance when the other dies', async () => {
    a!.child.kill('SIGKILL');
    await new Promise((r) => a!.child.once('close', r));
    expect((await fetch(`http://127.0.0.1:${b!.port}/healthz`)).status).toBe(200);
    expect((await b!.slack.ask(USERS.ken.id, '/supporter', 'join')).text).toContain(
      'サポーターとして登録しました',
    );
  });
});
