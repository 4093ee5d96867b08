/**
 * session-briefs against the real app, database and fake Slack: a brief 24 h and 1 h before each booked
 * session (time, plan, alias, topic; the linked consultation's answers, who and a link — or an ask-peers
 * button), exactly once per session and lead time across reruns, a catch-up brief after downtime, and the
 * booking DM a failure left unsent. Sessions are booked through the app. Session: Thu 12/3 19:00 JST.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import type { JobDeps } from '../../src/deps.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import { ADVICE_CHANNEL, type Harness, startHarness } from '../helpers/harness.js';
import { jobDepsFor } from '../helpers/jobWorld.js';
import { eventually } from '../helpers/wait.js';

const NOW = '2026-11-25T10:00:00+09:00';
let h: Harness;
let deps: JobDeps;

beforeAll(async () => {
  h = await startHarness({ now: NOW });
  deps = jobDepsFor(h);
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.settled();
  h.setNow(NOW);
  h.fake.reset();
  h.fake.clearFaults();
  for (const t of ['sessions', 'thread_replies', 'consultations', 'slots', 'deliveries', 'job_runs'] as const)
    await h.database.db.deleteFrom(t).execute();
});

const run = (now: string, extra: { dryRun?: boolean } = {}) =>
  runNamedJob(deps, 'session-briefs', { now: new Date(now), ...extra });
const briefs = (user: string) => h.fake.state.dmsTo(user).filter((m) => m.text.includes('セッションの準備'));

/** Adds a slot and books it with `/slots book` (the booking DM included); returns the session row. */
const book = async (user: string, entry: string, bookArgs: string) => {
  await h.slack.ask(user, '/slots', `add ${entry}`);
  const slot = await h.database.db
    .selectFrom('slots')
    .selectAll()
    .where('supporter_id', '=', user)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await h.slack.ask(user, '/slots', `book ${slot.id} ${bookArgs}`);
  await h.settled();
  return h.database.db
    .selectFrom('sessions')
    .selectAll()
    .where('slot_id', '=', slot.id)
    .executeTakeFirstOrThrow();
};

const answer = (c: { channel: string | null; ts: string | null }, user: string) =>
  h.slack.threadReply(user, c.channel!, c.ts!, 'こう聞いてみては？');

describe('session-briefs', () => {
  it('briefs the supporter a day before and an hour before, once each across reruns', async () => {
    const s = await book(USERS.aiko.id, '12/3 19:00 90', 'Aさん 初回 転職の軸が <@UKEN> 定まらない');
    h.fake.reset();

    expect(await run('2026-12-02T18:59:00+09:00')).toMatchObject({ sent: 0, failed: 0 });
    const day = await run('2026-12-02T19:00:00+09:00');
    expect(day).toMatchObject({ sent: 1, failed: 0 });
    const dm = briefs(USERS.aiko.id).at(-1)!;
    expect(dm.text).toContain('*セッションの準備（1日前）*');
    expect(dm.text).toContain('• 日時: 12/3(木) 19:00–20:30');
    expect(dm.text).toContain('• プラン: 初回');
    expect(dm.text).toContain('• 相談者: Aさん');
    expect(dm.text).toContain('• 相談内容: 転職の軸が &lt;@UKEN&gt; 定まらない');
    // No consultation yet: the brief says so and offers the ask-peers button.
    expect(dm.text).toContain('まだ仲間への相談はありません');
    expect(JSON.stringify(dm.blocks)).toContain(`"action_id":"session_ask_peers","value":"${s.id}"`);

    expect(await run('2026-12-02T19:00:00+09:00')).toMatchObject({ sent: 0, skipped: 1 });
    expect(await run('2026-12-03T12:00:00+09:00')).toMatchObject({ sent: 0, skipped: 1 });
    expect(briefs(USERS.aiko.id)).toHaveLength(1);

    expect(await run('2026-12-03T18:00:00+09:00')).toMatchObject({ sent: 1 });
    expect(briefs(USERS.aiko.id).at(-1)!.text).toContain('*セッションの準備（1時間前）*');
    expect(await run('2026-12-03T18:45:00+09:00')).toMatchObject({ sent: 0, skipped: 1 });
    // Started: nothing more.
    expect(await run('2026-12-03T19:00:00+09:00')).toMatchObject({ sent: 0, skipped: 0 });
    expect(briefs(USERS.aiko.id)).toHaveLength(2);
    const keys = await h.database.db
      .selectFrom('deliveries')
      .select('key')
      .where('job', '=', 'session-briefs')
      .execute();
    expect(keys.map((k) => k.key).sort()).toEqual([`brief:${s.id}:1`, `brief:${s.id}:24`]);
  });

  it('shows the linked consultation: how many answers, from whom, and a link to the thread', async () => {
    await book(USERS.aiko.id, '12/3 19:00 90', 'Aさん 初回 営業から人事へ');
    await h.slack.ask(USERS.aiko.id, '/consult', '12/3 19:00 初回 人事の実務をどう伝える？ #HR');
    const c = await eventually(() =>
      h.database.db.selectFrom('consultations').selectAll().where('ts', 'is not', null).executeTakeFirst(),
    );
    const session = await h.database.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect(session.consultation_id).toBe(c.id);
    await answer(c, USERS.ken.id);
    await answer(c, USERS.yui.id);
    await answer(c, USERS.ken.id);
    await h.settled(); // (the fake keeps the advice post: the brief links to its thread)

    expect(await run('2026-12-02T20:00:00+09:00')).toMatchObject({ sent: 1 });
    const dm = briefs(USERS.aiko.id).at(-1)!;
    expect(dm.text).toContain(
      `相談 #${c.id} には 3件の回答があります（<@${USERS.ken.id}>, <@${USERS.yui.id}>）`,
    );
    expect(dm.text).toContain(`https://supporters.slack.test/archives/${ADVICE_CHANNEL}/p`);
    expect(JSON.stringify(dm.blocks)).not.toContain('session_ask_peers');
  });

  it('after downtime sends the brief whose time passed if the session has not started, and only the latest', async () => {
    const s = await book(USERS.aiko.id, '12/3 19:00', 'Bさん');
    h.fake.reset();
    // Down from before the day-before brief until 30 min before the session: one brief, the hour-before.
    expect(await run('2026-12-03T18:30:00+09:00')).toMatchObject({ sent: 1 });
    expect(briefs(USERS.aiko.id)).toHaveLength(1);
    expect(briefs(USERS.aiko.id)[0]!.text).toContain('（1時間前）');
    expect(await run('2026-12-03T18:45:00+09:00')).toMatchObject({ sent: 0 });
    const keys = await h.database.db
      .selectFrom('deliveries')
      .select('key')
      .where('job', '=', 'session-briefs')
      .execute();
    expect(keys.map((k) => k.key)).toEqual([`brief:${s.id}:1`]);
  });

  it('a late run inside the day-before window still sends the day-before brief', async () => {
    await book(USERS.aiko.id, '12/3 19:00', 'Bさん');
    h.fake.reset();
    expect(await run('2026-12-03T09:00:00+09:00')).toMatchObject({ sent: 1 });
    expect(briefs(USERS.aiko.id)[0]!.text).toContain('（1日前）');
  });

  it('writes in the language the supporter chose', async () => {
    await h.slack.ask(USERS.emma.id, '/supporter', 'lang en');
    await book(USERS.emma.id, '2026-12-03 19:00 45', 'C-san career break');
    h.fake.reset();
    expect(await run('2026-12-03T18:10:00+09:00')).toMatchObject({ sent: 1 });
    const dm = h.fake.state.dmsTo(USERS.emma.id).at(-1)!;
    expect(dm.text).toContain('*Getting ready (1 hour to go)*');
    expect(dm.text).toContain('• Plan: light');
    expect(dm.text).toContain('• Client: C-san');
    expect(dm.text).toContain('not asked peers about it yet');
  });

  it('--dry-run plans the brief and sends and records nothing', async () => {
    await book(USERS.aiko.id, '12/3 19:00', 'Bさん');
    h.fake.reset();
    const dry = await run('2026-12-03T18:10:00+09:00', { dryRun: true });
    expect(dry.planned.map((p) => p.key)).toEqual([expect.stringMatching(/^brief:\d+:1$/)]);
    expect(briefs(USERS.aiko.id)).toEqual([]);
    expect(await run('2026-12-03T18:10:00+09:00')).toMatchObject({ sent: 1 });
  });

  it('two runs at once (two instances) send each brief once', async () => {
    await book(USERS.aiko.id, '12/3 19:00', 'Bさん');
    await book(USERS.ken.id, '12/3 20:00', 'Dさん');
    h.fake.reset();
    const other = jobDepsFor(h);
    await Promise.allSettled([
      runNamedJob(deps, 'session-briefs', { now: new Date('2026-12-03T18:50:00+09:00') }),
      runNamedJob(other, 'session-briefs', { now: new Date('2026-12-03T18:50:00+09:00'), trigger: 'cli' }),
    ]);
    await run('2026-12-03T18:55:00+09:00');
    expect(briefs(USERS.aiko.id)).toHaveLength(1);
    expect(briefs(USERS.ken.id)).toHaveLength(1);
  });

  it('sends a booking DM that a Slack failure left unsent, once', async () => {
    h.fake.injectFault({ method: 'chat.postMessage', kind: 'http', status: 500, times: 4 });
    const s = await book(USERS.aiko.id, '12/10 19:00', 'Eさん');
    const bookingDms = () =>
      h.fake.state.dmsTo(USERS.aiko.id).filter((m) => m.text.includes('予約が入りました'));
    expect(bookingDms()).toEqual([]);
    const row = await h.database.db
      .selectFrom('deliveries')
      .selectAll()
      .where('key', '=', `booking:${s.id}`)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('pending');
    h.fake.clearFaults();
    expect(await run('2026-11-25T10:15:00+09:00')).toMatchObject({ sent: 1, failed: 0 });
    expect(bookingDms()).toHaveLength(1);
    expect(await run('2026-11-25T10:30:00+09:00')).toMatchObject({ sent: 0, skipped: 1 });
    expect(bookingDms()).toHaveLength(1);
  }, 20_000);
});
