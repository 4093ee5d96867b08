/**
 * /consult end to end with the name check: a person's name is refused (the reply names the kind and
 * suggests an alias), nothing is posted to the advice channel and nothing is stored; an alias passes.
 * The harness is asked to leave the analyser cold, so the first command here meets it loading: the command
 * is still acked at once and the guard waits for the dictionary after the ack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USERS } from '../../emulator/workspace.js';
import { ADVICE_CHANNEL, type Harness, startHarness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: '2026-11-25T10:00:00+09:00', coldNameAnalyzer: true });
});
afterAll(async () => {
  await h?.stop();
});

const advicePosts = () => h.fake.state.channelMessages(ADVICE_CHANNEL);
const stored = async () => ({
  consultations: (await h.database.db.selectFrom('consultations').selectAll().execute()).length,
  slots: (await h.database.db.selectFrom('slots').selectAll().execute()).length,
});
const ephemeralTo = (user: string, from: number) =>
  h.fake.state.ephemerals.slice(from).find((e) => e.user === user && e.via === 'response_url');

describe('/consult refuses a person’s name', () => {
  it('acks at once even while the analyser is still loading, then refuses the name and stores nothing', async () => {
    const before = { posts: advicePosts().length, ...(await stored()) };
    const ephemerals = h.fake.state.ephemerals.length;
    const started = performance.now();
    const sent = await h.slack.command(USERS.aiko.id, '/consult', '12/5 19:00 山田太郎さん（35歳）の件です');
    // Slack shows an error when a command is not acked within 3 s (https://api.slack.com/interactivity/slash-commands#responding_to_commands).
    expect(sent.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(3000);
    const reply = await h.fake.waitFor(() => ephemeralTo(USERS.aiko.id, ephemerals), 20_000, 'the reply');
    expect(reply.text).toContain('人名: 「山田太郎さん」');
    expect(reply.text).toContain('「Aさん」「相談者さん」のような呼び方');
    expect(reply.text).toContain('何も投稿していません');
    await h.settled();
    expect(advicePosts().length).toBe(before.posts);
    expect(await stored()).toEqual({ consultations: before.consultations, slots: before.slots });
  });

  it.each([
    ['12/5 19:00 田中さんが転職を考えています', '人名: 「田中さん」'],
    ['12/5 19:00 佐藤 花子 の相談 #人事', '人名: 「佐藤 花子」'],
    ['12/5 19:00 相談です #山田太郎', '人名: 「山田太郎」'],
  ])('refuses %s', async (text, expected) => {
    const before = { posts: advicePosts().length, ...(await stored()) };
    const r = await h.slack.ask(USERS.aiko.id, '/consult', text);
    expect(r.text).toContain(expected);
    expect(advicePosts().length).toBe(before.posts);
    expect(await stored()).toEqual({ consultations: before.consultations, slots: before.slots });
  });

  it('answers in English for an English speaker', async () => {
    const r = await h.slack.ask(USERS.emma.id, '/consult', '12/5 19:00 Advice on 鈴木様 career change');
    expect(r.text).toContain('a person\'s name: "鈴木様"');
    expect(r.text).toContain('use an alias such as "Aさん"');
    expect(r.text).toContain('Nothing was posted.');
  });

  it('posts an alias, a role and a public figure given by family name', async () => {
    const before = advicePosts().length;
    const question =
      'Aさん（35歳）の件です。人事部長さんとの面談前に、クランボルツやドラッカーの考え方をどう紹介する？';
    const r = await h.slack.ask(USERS.aiko.id, '/consult', `12/5 19:00 ${question}`);
    expect(r.text).toContain('を投稿しました');
    expect(advicePosts().length).toBe(before + 1);
    expect(JSON.stringify(advicePosts().at(-1)!.blocks)).toContain('Aさん（35歳）の件です');
  });
});

describe('the consult modal refuses a person’s name', () => {
  it('marks the field and stores nothing', async () => {
    const before = { posts: advicePosts().length, ...(await stored()) };
    const res = await h.slack.viewSubmission(
      USERS.emma.id,
      { callbackId: 'consult_modal' },
      {
        session_date: { value: { type: 'datepicker', selected_date: '2026-12-11' } },
        session_time: { value: { type: 'timepicker', selected_time: '20:00' } },
        topic: { value: { type: 'plain_text_input', value: '山田太郎さんの転職' } },
        question: { value: { type: 'plain_text_input', value: 'How would you start the session?' } },
      },
    );
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { topic: expect.stringContaining('a person\'s name: "山田太郎さん"') },
    });
    await h.settled();
    expect(advicePosts().length).toBe(before.posts);
    expect(await stored()).toEqual({ consultations: before.consultations, slots: before.slots });
  });
});
