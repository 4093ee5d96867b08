/**
 * The App Home's 今週のセッション / This week: each of the supporter's sessions in the next 7 days with
 * its prep state (brief sent?, the consultation's answers, cover asked) and the ask-peers / cover buttons,
 * which work from the Home tab. "Now" is Wed 2026-11-25 10:00 JST.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { runNamedJob } from '../../src/jobs/registry.js';
import { ADVICE_CHANNEL, type Harness, SUPPORTERS_CHANNEL, startHarness } from '../helpers/harness.js';
import { jobDepsFor } from '../helpers/jobWorld.js';
import { eventually } from '../helpers/wait.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    now: '2026-11-25T10:00:00+09:00',
    env: { SUPPORTERS_CHANNEL_ID: SUPPORTERS_CHANNEL },
  });
});
afterAll(async () => {
  await h?.stop();
});
beforeEach(async () => {
  await h.settled();
  for (const t of [
    'cover_requests',
    'sessions',
    'thread_replies',
    'consultations',
    'slots',
    'deliveries',
  ] as const)
    await h.database.db.deleteFrom(t).execute();
  h.fake.reset();
});

const book = async (entry: string, rest: string) => {
  await h.slack.ask(USERS.aiko.id, '/slots', `add ${entry}`);
  const slot = await h.database.db
    .selectFrom('slots')
    .selectAll()
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  await h.slack.ask(USERS.aiko.id, '/slots', `book ${slot.id} ${rest}`);
  const session = await h.database.db
    .selectFrom('sessions')
    .selectAll()
    .where('slot_id', '=', slot.id)
    .executeTakeFirstOrThrow();
  return { slot, session };
};

const openHome = async () => {
  await h.settled();
  h.fake.state.homes.clear();
  await h.slack.event({ type: 'app_home_opened', user: USERS.aiko.id, channel: 'DAIKO', tab: 'home' });
  return h.fake.waitFor(() => h.fake.state.homes.get(USERS.aiko.id), 3000, 'views.publish') as Promise<{
    blocks: Array<{
      type: string;
      text?: { text: string };
      elements?: Array<{ action_id: string; value: string }>;
    }>;
  }>;
};

/** The This-week section's blocks: from its header to the next divider. */
const weekSection = (home: Awaited<ReturnType<typeof openHome>>) => {
  const start = home.blocks.findIndex((b) => b.text?.text === '*今週のセッション*');
  expect(start).toBeGreaterThan(0);
  const end = home.blocks.findIndex((b, i) => i > start && b.type === 'divider');
  return home.blocks.slice(start + 1, end);
};

describe('Home: 今週のセッション', () => {
  it('lists the next 7 days with brief, answers and cover state, and buttons', async () => {
    const soon = await book('11/27 19:00 90', 'Aさん 初回 自己分析のすすめ方');
    const later = await book('11/30 20:00 45', 'Bさん ライト');
    const far = await book('12/10 19:00', 'Cさん');
    // A consultation about the first, answered once by Ken.
    await h.slack.ask(USERS.aiko.id, '/consult', '11/27 19:00 初回 問いかけに迷っています #人事');
    const c = await h.database.db.selectFrom('consultations').selectAll().executeTakeFirstOrThrow();
    await h.slack.threadReply(USERS.ken.id, ADVICE_CHANNEL, c.ts!, 'どうぞ');
    await eventually(
      async () => (await h.database.db.selectFrom('thread_replies').selectAll().execute()).length === 1,
      5000,
      'the answer',
    );
    // The 24-hour brief of the first one goes out.
    await runNamedJob(jobDepsFor(h), 'session-briefs', { now: new Date('2026-11-26T19:00:00+09:00') });
    // Cover asked for the second.
    await h.slack.ask(USERS.aiko.id, '/slots', `cover ${later.slot.id}`);

    const week = weekSection(await openHome());
    const text = JSON.stringify(week);
    expect(text).not.toContain(`#${far.slot.id}\``);
    expect(week[0]!.text!.text).toBe(
      `*11/27(金) 19:00–20:30* 初回 \`#${soon.slot.id}\`\n準備のお知らせ: 送信済み ・ 相談 #${c.id}: 回答 1件`,
    );
    expect(week[1]!.elements!.map((e) => [e.action_id, e.value])).toEqual([
      ['session_ask_peers', String(soon.session.id)],
      ['session_cover', String(soon.session.id)],
    ]);
    expect(week[2]!.text!.text).toBe(
      `*11/30(月) 20:00–20:45* ライト \`#${later.slot.id}\`\n準備のお知らせ: まだ ・ まだ仲間に相談していません ・ 代打を募集中`,
    );
    // Cover already asked: only the ask-peers button.
    expect(week[3]!.elements!.map((e) => e.action_id)).toEqual(['session_ask_peers']);
    // Never the client's alias or topic.
    expect(text).not.toContain('Aさん');
    expect(text).not.toContain('自己分析');
  });

  it('says so when nothing is booked this week, and the cover button works from the Home tab', async () => {
    expect(weekSection(await openHome())[0]!.text!.text).toContain(
      'この7日間に予約済みのセッションはありません',
    );
    const { session } = await book('11/28 10:00', 'Dさん');
    const week = weekSection(await openHome());
    const cover = week[1]!.elements!.find((e) => e.action_id === 'session_cover')!;
    await h.slack.blockAction(
      USERS.aiko.id,
      { actionId: cover.action_id, value: cover.value },
      { viewId: 'home' },
    );
    await eventually(
      () => h.fake.state.messages.find((m) => m.channel === SUPPORTERS_CHANNEL && m.text.includes('代打')),
      5000,
      'the cover post',
    );
    expect(
      await h.database.db
        .selectFrom('cover_requests')
        .select('session_id')
        .where('status', '=', 'open')
        .execute(),
    ).toEqual([{ session_id: session.id }]);
    // The Home tab is refreshed: the session now says cover is asked for.
    await eventually(
      () => JSON.stringify(h.fake.state.homes.get(USERS.aiko.id) ?? {}).includes('代打を募集中'),
      5000,
      'the refreshed Home',
    );
  });
});
