/**
 * Demo data, made through the real app on first start: the same signed slash commands and thread replies a
 * person would send, so the data follows the features as they land. A command that answers with an error
 * (a feature not there yet) is logged and the seed goes on. The clock is moved back while seeding so that
 * one session is already over (its write-up pending) and one consultation has waited long enough for a nudge.
 * A few slots are booked (`/slots book` with a client alias, plan and topic): one starts within a day, so
 * the jobs panel's session-briefs has a brief to send, and the booking DMs show the ask-peers and cover
 * buttons.
 */
import { DateTime } from 'luxon';
import type { FakeSlack } from '../emulator/server.js';
import { BOT_USER_ID } from '../emulator/state.js';
import { slotsForExport } from '../src/db/repositories/slots.js';
import type { RunningApp } from './app-host.js';
import type { SandboxClock } from './clock.js';
import type { Interactions } from './interactions.js';
import { JobRunner } from './jobs.js';
import type { SeedStatus } from './shared/types.js';
import { CHANNELS, demoUser, OPERATOR_ID, supporters } from './workspace.js';

export type SeedContext = {
  fake: FakeSlack;
  app: () => RunningApp;
  interactions: Interactions;
  clock: SandboxClock;
  status: SeedStatus;
  notify: () => void;
  /** True once the sandbox is stopping or resetting: the seed stops at its next step. */
  cancelled: () => boolean;
};

const REPLY_TIMEOUT_MS = 5000;

class SeedCancelled extends Error {}

export const seed = async (ctx: SeedContext): Promise<SeedStatus> => {
  const { fake, clock, status } = ctx;
  Object.assign(status, { state: 'running', ok: 0, failed: 0, log: [] } satisfies SeedStatus);
  ctx.notify();
  const firstEphemeral = fake.state.ephemerals.length;
  const zone = ctx.app().config.timezone;
  const real = DateTime.now().setZone(zone);
  const t0 = real.minus({ days: 3 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
  const md = (d: DateTime) => `${d.month}/${d.day}`;
  try {
    clock.set(t0.toJSDate());
    await say(ctx, OPERATOR_ID, CHANNELS.advice, SEED_TEXT.welcome);
    for (const s of supporters()) {
      const dm = fake.state.imWith(s.id).id;
      await ask(ctx, s.id, dm, '/supporter', 'join');
      if (s.expertise) await ask(ctx, s.id, dm, '/supporter', `expertise ${s.expertise}`);
      if (s.locale.startsWith('en')) await ask(ctx, s.id, dm, '/supporter', 'lang en');
    }

    // Slots in the month the quota is counted for: 佐藤 reaches it, 田中 and Emma do not, 鈴木 has none.
    const month = real.day >= 20 ? real.plus({ months: 1 }).startOf('month') : real.startOf('month');
    const days: DateTime[] = [];
    for (let d = month; d.month === month.month; d = d.plus({ days: 1 }))
      if (d > real.plus({ days: 1 })) days.push(d);
    const pick = (...i: number[]) =>
      i.map((n) => days[n % Math.max(days.length, 1)]).filter((d) => d !== undefined);
    await ask(
      ctx,
      'UAIKO',
      dm(ctx, 'UAIKO'),
      '/slots',
      `add ${pick(0, 1, 2, 3, 4)
        .map((d) => `${md(d)} 19:00`)
        .join('、')}`,
    );
    await ask(
      ctx,
      'UKEN',
      dm(ctx, 'UKEN'),
      '/slots',
      `追加 ${pick(1, 3)
        .map((d) => `${d.month}月${d.day}日 20時`)
        .join('\n')}`,
    );
    await ask(
      ctx,
      'UEMMA',
      dm(ctx, 'UEMMA'),
      '/slots',
      `add ${pick(0, 2, 4)
        .map((d) => `${d.toISODate()} 10:00 45`)
        .join(', ')}`,
    );

    // Booked sessions: two of 佐藤's, and one of 田中's that starts within a day (a brief is due).
    const aikoSlots = await slotIdsOf(ctx, 'UAIKO');
    if (aikoSlots[0])
      await ask(ctx, 'UAIKO', dm(ctx, 'UAIKO'), '/slots', `book ${aikoSlots[0]} ${SEED_TEXT.bookA}`);
    if (aikoSlots[2])
      await ask(ctx, 'UAIKO', dm(ctx, 'UAIKO'), '/slots', `予約 ${aikoSlots[2]} ${SEED_TEXT.bookB}`);
    const soon = real.plus({ hours: 20 }).startOf('hour');
    await ask(ctx, 'UKEN', dm(ctx, 'UKEN'), '/slots', `add ${md(soon)} ${soon.toFormat('HH:mm')} 90`);
    const kenSoon = (await slotIdsOf(ctx, 'UKEN', soon.toUTC().toISO() ?? undefined))[0];
    if (kenSoon) await ask(ctx, 'UKEN', dm(ctx, 'UKEN'), '/slots', `book ${kenSoon} ${SEED_TEXT.bookC}`);

    // A consultation answered by a peer, about a session that is now over: its write-up is pending.
    const session = t0.plus({ days: 1 });
    const before = fake.state.messages.length;
    await ask(
      ctx,
      'UAIKO',
      CHANNELS.advice,
      '/consult',
      `${md(session)} 19:00 初回 ${SEED_TEXT.consultAiko}`,
    );
    const post = await advicePost(ctx, before);
    if (post) {
      clock.set(t0.plus({ hours: 2 }).toJSDate());
      await say(ctx, 'UKEN', CHANNELS.advice, SEED_TEXT.replyKen, post);
      clock.set(t0.plus({ hours: 3 }).toJSDate());
      await say(ctx, 'UAIKO', CHANNELS.advice, SEED_TEXT.thanksAiko, post);
    }

    // A booked session (初回, Aさん) that ended yesterday: session-outcomes DMs 佐藤 how it went, with
    // まとめを書く, so a newcomer can click through to a finished strengths write-up (issue #19).
    const held = t0.plus({ days: 1 }).set({ hour: 14 });
    await ask(ctx, 'UAIKO', dm(ctx, 'UAIKO'), '/slots', `add ${md(held)} 14:00 90`);
    const slotId = await lastSlotOf(ctx, 'UAIKO', held);
    if (slotId !== undefined)
      await ask(ctx, 'UAIKO', dm(ctx, 'UAIKO'), '/slots', `book ${slotId} Aさん 初回 ${SEED_TEXT.topicAiko}`);

    // A consultation nobody has answered for 14 hours: advice-nudges should find someone with 人事/採用.
    clock.set(real.minus({ hours: 14 }).toJSDate());
    await ask(
      ctx,
      'UYUI',
      CHANNELS.advice,
      '/consult',
      `${md(real.plus({ days: 2 }))} 20:00 継続 ${SEED_TEXT.consultYui}`,
    );
    clock.set(real.toJSDate());
    await runJob(ctx, 'session-outcomes', real.toJSDate());
  } catch (err) {
    if (!(err instanceof SeedCancelled)) throw err;
    status.log.push('… cancelled');
  } finally {
    clock.set(null);
    // The seed's own command replies would only clutter everyone's view; they are in the seed log.
    fake.state.ephemerals.splice(firstEphemeral);
    status.state = 'done';
    fake.emit('change');
  }
  return status;
};

const SEED_TEXT = {
  welcome:
    '運営です :wave: セッション前に迷ったら、気軽に `/consult` で相談してください。投げかけると必ず誰かが答えてくれます。',
  consultAiko:
    '転職の軸が定まらない30代の方。本業は営業で、強みをうまく言葉にできずにいます。問いかけのコツを教えてください #人材紹介 #面接対策',
  replyKen:
    'エージェント目線だと、成果より「どう工夫したか」を3つ書き出してもらうと強みが見えやすいです。職務経歴書の棚卸しシートも共有しますね。',
  thanksAiko: 'ありがとうございます！棚卸しシート、使わせていただきます。',
  topicAiko: '営業から企画職へ。自分の強みを言葉にしたい',
  bookA: 'Aさん 初回 営業職から人事へのキャリアチェンジを考えている',
  bookB: 'Bさん ライト 面接で話す強みを整理したい',
  bookC: 'Cさん 初回 育休明けの働き方と転職の軸',
  consultYui:
    '派遣から正社員を目指す20代の方。人事の方から見て、書類で見られるポイントを知りたいです #人事 #採用',
};

const dm = (ctx: SeedContext, user: string) => ctx.fake.state.imWith(user).id;

/** A supporter's open slots (from `startUtc` on when given), soonest first: the ids /slots book takes. */
const slotIdsOf = async (ctx: SeedContext, user: string, startUtc?: string): Promise<number[]> =>
  (await slotsForExport(ctx.app().database.db))
    .filter(
      (s) =>
        s.supporter_id === user &&
        s.status === 'open' &&
        (!startUtc || Date.parse(s.start_at) === Date.parse(startUtc)),
    )
    .map((s) => s.id);

const record = (ctx: SeedContext, ok: boolean, line: string) => {
  ctx.status[ok ? 'ok' : 'failed'] += 1;
  ctx.status.log.push(`${ok ? '✓' : '✗'} ${line}`);
  ctx.notify();
};

/** Sends a slash command and waits for its ephemeral answer; an error answer is logged, not thrown. */
const ask = async (ctx: SeedContext, user: string, channel: string, command: string, text: string) => {
  if (ctx.cancelled()) throw new SeedCancelled();
  const who = demoUser(user)?.realName ?? user;
  const shown = `${who}: ${command} ${text.replace(/\n/g, ' / ')}`;
  const before = ctx.fake.state.ephemerals.length;
  try {
    await ctx.interactions.command({ user, channel, command, text });
    const reply = await ctx.fake.waitFor(
      () => ctx.fake.state.ephemerals.slice(before).find((e) => e.user === user),
      REPLY_TIMEOUT_MS,
      `a reply to ${command}`,
    );
    const firstLine = reply.text.split('\n')[0] ?? '';
    const failed = reply.text.startsWith(':warning:');
    record(ctx, !failed, failed ? `${shown} — ${firstLine.replace(':warning: ', '')}` : shown);
  } catch (err) {
    record(ctx, false, `${shown} — ${err instanceof Error ? err.message : String(err)}`);
  }
};

/** A person's message (in a thread when `threadTs`), delivered to the app as an event. */
const say = async (ctx: SeedContext, user: string, channel: string, text: string, threadTs?: string) => {
  if (ctx.cancelled()) throw new SeedCancelled();
  const who = demoUser(user)?.realName ?? user;
  try {
    const sent = await ctx.interactions.message({ user, channel, text, ...(threadTs ? { threadTs } : {}) });
    record(
      ctx,
      sent.status === 200,
      `${who}: ${threadTs ? 'thread reply' : 'message'} in #${channelName(ctx, channel)}`,
    );
  } catch (err) {
    record(ctx, false, `${who}: message — ${err instanceof Error ? err.message : String(err)}`);
  }
};

/** The bot's first top-level post in the advice channel since message number `since`, if /consult made one. */
const advicePost = async (ctx: SeedContext, since: number): Promise<string | undefined> => {
  const find = () =>
    ctx.fake.state.messages
      .slice(since)
      .find((m) => m.channel === CHANNELS.advice && m.user === BOT_USER_ID && !m.threadTs)?.ts;
  try {
    return await ctx.fake.waitFor(find, 2000, 'the consultation post');
  } catch {
    record(ctx, false, 'no consultation post in #advice (thread reply skipped)');
    return undefined;
  }
};

const channelName = (ctx: SeedContext, id: string) => ctx.fake.state.channels.get(id)?.name ?? id;

/** The id of the supporter's slot starting at `start`, from the app's database (the reply only names it). */
const lastSlotOf = async (ctx: SeedContext, user: string, start: DateTime): Promise<number | undefined> => {
  const row = await ctx
    .app()
    .database.db.selectFrom('slots')
    .select('id')
    .where('supporter_id', '=', user)
    .where('start_at', '=', start.toJSDate().toISOString())
    .executeTakeFirst();
  if (!row) record(ctx, false, `no slot found at ${start.toISO()} (booking skipped)`);
  return row?.id;
};

/** Runs a job as the "Clock & jobs" panel does, at the sandbox's time; a failure is logged, not thrown. */
const runJob = async (ctx: SeedContext, name: string, now: Date) => {
  if (ctx.cancelled()) throw new SeedCancelled();
  try {
    const report = await new JobRunner().run(ctx.app(), name, now);
    record(ctx, true, `job ${name}: sent ${report.sent}`);
  } catch (err) {
    record(ctx, false, `job ${name} — ${err instanceof Error ? err.message : String(err)}`);
  }
};
