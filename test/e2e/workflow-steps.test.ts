/**
 * Workflow Builder steps end to end: the emulator runs each declared step as Slack does (a
 * `function_executed` event over signed HTTP, or Socket Mode, with a workflow token), the app runs the
 * command's use case and ends the step with functions.completeSuccess / completeError — the error in the
 * step user's language, worded as the command's reply. A failing step stores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appManifest } from '../../emulator/manifest.js';
import { USERS } from '../../emulator/workspace.js';
import { type Harness, SUPPORTERS_CHANNEL, startHarness } from '../helpers/harness.js';

const NOW = '2026-11-25T10:00:00+09:00';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: NOW, env: { STUDY_CHANNEL_ID: SUPPORTERS_CHANNEL } });
});
afterAll(async () => {
  await h?.stop();
});

/** Runs a step and waits until the app has completed it; returns the completion. */
const run = async (callbackId: string, inputs: Record<string, unknown>, harness = h) => {
  const sent = await harness.slack.runFunction(callbackId, inputs);
  if (!sent) throw new Error(`${callbackId} was not sent`);
  expect(sent.status).toBe(200);
  await harness.settled();
  return harness.fake.waitFor(
    () => harness.fake.functionCompletions().find((c) => c.functionExecutionId === sent.functionExecutionId),
    20_000,
    `the completion of ${callbackId}`,
  );
};

const count = async (table: 'slots' | 'consultations' | 'study_sessions' | 'sessions') =>
  (await h.database.db.selectFrom(table).select('id').execute()).length;

/** What the command answers, without the reply's leading emoji: the step's error must say the same. */
const commandError = async (user: string, command: string, text: string) => {
  const reply = await h.slack.ask(user, command, text);
  expect(reply.text.startsWith(':warning: ')).toBe(true);
  return reply.text.replace(/^:warning: /, '');
};

const API = (method: string, token: string, body: Record<string, unknown>) =>
  fetch(`${h.fake.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  }).then((r) => r.json() as Promise<Record<string, unknown>>);

describe('register_slots', () => {
  it('adds the slots as /slots add does and outputs the count and the quota line', async () => {
    const c = await run('register_slots', { user: USERS.aiko.id, entries: '12/3 19:00、12/5 10:00' });
    expect(c.kind).toBe('success');
    expect(c.outputs).toEqual({ added_count: 2, quota_status: '12月: 2枠 / 5枠 — あと3枠', busy_notes: '' });
    const rows = await h.database.db
      .selectFrom('slots')
      .selectAll()
      .where('supporter_id', '=', 'UAIKO')
      .execute();
    expect(rows.map((r) => r.start_at).sort()).toEqual([
      '2026-12-03T10:00:00.000Z',
      '2026-12-05T01:00:00.000Z',
    ]);
  });

  it('fails with the command’s words in the user’s language and stores nothing (ja and en)', async () => {
    for (const user of [USERS.aiko.id, USERS.emma.id]) {
      const before = await count('slots');
      const c = await run('register_slots', { user, entries: '12/20 19:00、そのうち' });
      expect(c.kind).toBe('error');
      expect(c.error).toBe(await commandError(user, '/slots', 'add 12/20 19:00、そのうち'));
      expect(await count('slots')).toBe(before);
    }
    const [ja, en] = h.fake.functionCompletions().slice(-2);
    expect(ja?.error).toMatch(/そのうち/);
    expect(en?.error).toMatch(/そのうち/);
    expect(en?.error).not.toBe(ja?.error);
  });
});

describe('open_consultation', () => {
  it('posts the advice thread as /consult does and outputs its id and a permalink to it', async () => {
    const c = await run('open_consultation', {
      user: USERS.aiko.id,
      session_start: '12/12 19:00',
      plan: '初回',
      question: '転職の軸が定まらない方への深掘りの仕方は？',
      tags: '人材紹介 HR',
    });
    expect(c.kind).toBe('success');
    const id = c.outputs?.consultation_id;
    expect(typeof id).toBe('number');
    const stored = await h.database.db
      .selectFrom('consultations')
      .selectAll()
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    expect(stored.channel).toBe('CADVICE');
    // The permalink resolves to the posted thread: its path is the channel and the ts without the dot.
    const m = /\/archives\/(C\w+)\/p(\d+)(\d{6})$/.exec(String(c.outputs?.permalink));
    expect(m).not.toBeNull();
    const post = h.fake.state.findMessage(m![1]!, `${m![2]}.${m![3]}`);
    expect(post?.ts).toBe(stored.ts);
    expect(post?.text).toContain('転職の軸が定まらない方への深掘りの仕方は？');
    expect(stored.plan).toBe('first');
  });

  it('posts once when Slack delivers the step again (a retry of the same execution)', async () => {
    const before = await count('consultations');
    const posts = h.fake.state.channelMessages('CADVICE').length;
    const inputs = { user: USERS.ken.id, session_start: '12/14 19:00', question: '面接練習の組み立て方は？' };
    const sent = await h.slack.runFunction('open_consultation', inputs);
    if (!sent) throw new Error('open_consultation was not sent');
    // Slack's retry: the same event and event_id, x-slack-retry-num 1 (https://api.slack.com/apis/events-api#retries).
    const retried = await h.slack.event(sent.event, { eventId: sent.eventId, retryNum: 1 });
    expect(retried.status).toBe(200);
    await h.settled();
    await h.fake.waitFor(
      () => h.fake.functionCompletions().find((c) => c.functionExecutionId === sent.functionExecutionId),
      20_000,
      'the completion',
    );
    await h.settled();
    expect(await count('consultations')).toBe(before + 1);
    expect(h.fake.state.channelMessages('CADVICE')).toHaveLength(posts + 1);
    expect(
      h.fake.functionCompletions().filter((c) => c.functionExecutionId === sent.functionExecutionId),
    ).toHaveLength(1);
  });

  it('refuses a client’s name as /consult does, posting and storing nothing (ja and en)', async () => {
    for (const user of [USERS.aiko.id, USERS.emma.id]) {
      const before = {
        c: await count('consultations'),
        s: await count('slots'),
        posts: h.fake.state.messages.length,
      };
      const c = await run('open_consultation', {
        user,
        session_start: '12/14 19:00',
        question: '田中さんが転職を考えています',
      });
      expect(c.kind).toBe('error');
      expect(c.error).toBe(await commandError(user, '/consult', '12/14 19:00 田中さんが転職を考えています'));
      expect(c.error).toContain(
        user === USERS.aiko.id ? '人名: 「田中さん」' : 'a person\'s name: "田中さん"',
      );
      expect(await count('consultations')).toBe(before.c);
      expect(await count('slots')).toBe(before.s);
      expect(h.fake.state.messages.filter((x) => x.channel === 'CADVICE').length).toBe(
        h.fake.state.messages.slice(0, before.posts).filter((x) => x.channel === 'CADVICE').length,
      );
    }
  });
});

describe('mark_writeup_sent', () => {
  it('marks the write-up sent as /writeup done does, and fails for someone else’s session', async () => {
    await h.slack.ask(USERS.ken.id, '/slots', 'add 12/4 19:00');
    const slot = await h.database.db
      .selectFrom('slots')
      .selectAll()
      .where('supporter_id', '=', 'UKEN')
      .where('start_at', '=', '2026-12-04T10:00:00.000Z')
      .executeTakeFirstOrThrow();
    await h.slack.ask(USERS.ken.id, '/slots', `book ${slot.id} Aさん 初回 転職の相談`);
    const session = await h.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('slot_id', '=', slot.id)
      .executeTakeFirstOrThrow();

    const notYours = await run('mark_writeup_sent', { user: USERS.emma.id, session_id: session.id });
    expect(notYours.kind).toBe('error');
    expect(notYours.error).toBe(await commandError(USERS.emma.id, '/writeup', `done ${session.id}`));

    const done = await run('mark_writeup_sent', { user: USERS.ken.id, session_id: session.id });
    expect(done).toMatchObject({ kind: 'success', outputs: {} });
    const after = await h.database.db
      .selectFrom('slots')
      .selectAll()
      .where('id', '=', slot.id)
      .executeTakeFirstOrThrow();
    expect(after.writeup_done_at).not.toBeNull();
  });

  it('fails in Japanese for an unknown session', async () => {
    const c = await run('mark_writeup_sent', { user: USERS.aiko.id, session_id: 9999 });
    expect(c.kind).toBe('error');
    expect(c.error).toBe(await commandError(USERS.aiko.id, '/writeup', 'done 9999'));
    expect(c.error).toContain('9999');
  });
});

describe('announce_study', () => {
  it('announces the session as /study add does and outputs its id', async () => {
    const c = await run('announce_study', {
      host: USERS.yui.id,
      start: '12/10 20:00',
      title: '採用市場の最新動向 #採用',
      minutes: 90,
      capacity: 10,
    });
    expect(c.kind).toBe('success');
    const study = await h.database.db
      .selectFrom('study_sessions')
      .selectAll()
      .where('id', '=', Number(c.outputs?.study_id))
      .executeTakeFirstOrThrow();
    expect(study).toMatchObject({ host_id: 'UYUI', title: '採用市場の最新動向', minutes: 90, capacity: 10 });
    expect(study.channel).toBe(SUPPORTERS_CHANNEL);
    expect(h.fake.state.findMessage(SUPPORTERS_CHANNEL, String(study.ts))?.text).toContain(
      '採用市場の最新動向',
    );
    expect(String(c.outputs?.permalink)).toContain(`/archives/${SUPPORTERS_CHANNEL}/`);
  });

  it('fails with /study add’s words for a start it cannot read, storing nothing (en and ja)', async () => {
    for (const user of [USERS.emma.id, USERS.yui.id]) {
      const before = await count('study_sessions');
      const c = await run('announce_study', { host: user, start: '11/20 20:00', title: 'Sourcing tips' });
      expect(c.kind).toBe('error');
      expect(c.error).toBe(await commandError(user, '/study', 'add 11/20 20:00 Sourcing tips'));
      expect(await count('study_sessions')).toBe(before);
    }
  });
});

/** A register_slots execution started in the emulator directly (no event sent to the app). */
const startRegisterSlots = () =>
  h.fake.functions.start(
    'register_slots',
    appManifest().functions.register_slots!,
    { user: 'UAIKO', entries: '12/30 10:00' },
    { apiAppId: 'A0DESK' },
  );

describe('the emulator, as Slack', () => {
  it('runs only steps the manifest declares', async () => {
    expect(await h.slack.runFunction('not_a_step', { user: USERS.aiko.id })).toBeUndefined();
    await expect(h.slack.runFunction('register_slots', { user: USERS.aiko.id })).rejects.toThrow(/entries/);
  });

  it('sends the event shaped as Slack documents it', async () => {
    const event = startRegisterSlots();
    expect(event).toMatchObject({
      type: 'function_executed',
      function: { callback_id: 'register_slots', type: 'app', app_id: 'A0DESK' },
      inputs: { user: 'UAIKO', entries: '12/30 10:00' },
    });
    expect(String(event.function_execution_id)).toMatch(/^Fx/);
    expect(String(event.workflow_execution_id)).toMatch(/^Wx/);
    expect(String(event.bot_access_token)).toMatch(/^xwfp-/);
    const params = (event.function as { input_parameters: Array<{ name: string; is_required: boolean }> })
      .input_parameters;
    expect(params.map((p) => [p.name, p.is_required])).toEqual([
      ['user', true],
      ['entries', true],
    ]);
  });

  it('refuses a second completion, outputs that do not fit, and the workflow token once the step ended', async () => {
    const event = startRegisterSlots();
    const id = String(event.function_execution_id);
    const token = String(event.bot_access_token);
    expect(
      await API('functions.completeSuccess', token, {
        function_execution_id: id,
        outputs: { added_count: '1' },
      }),
    ).toMatchObject({
      ok: false,
      error: 'parameter_validation_failed',
    });
    expect(await API('functions.completeError', token, { function_execution_id: id })).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
    });
    expect(
      await API('functions.completeSuccess', token, { function_execution_id: 'Fx404', outputs: {} }),
    ).toMatchObject({
      ok: false,
      error: 'function_execution_not_found',
    });
    const other = h.fake.functions.start(
      'mark_writeup_sent',
      appManifest().functions.mark_writeup_sent!,
      { user: 'UKEN', session_id: 1 },
      { apiAppId: 'A0DESK' },
    );
    expect(
      await API('functions.completeError', String(other.bot_access_token), {
        function_execution_id: id,
        error: 'x',
      }),
    ).toMatchObject({ ok: false, error: 'access_denied' });
    const outputs = { added_count: 1, quota_status: '12月: 1枠 / 5枠 — あと4枠' };
    expect(await API('functions.completeSuccess', token, { function_execution_id: id, outputs })).toEqual({
      ok: true,
    });
    expect(
      await API('functions.completeError', h.fake.botToken, { function_execution_id: id, error: 'x' }),
    ).toMatchObject({
      ok: false,
      error: 'execution_not_in_running_state',
    });
    expect(await API('auth.test', token, {})).toMatchObject({ ok: false, error: 'invalid_auth' });
  });

  it('lets the app’s completion through once and refuses a second one for the same execution', async () => {
    const c = await run('register_slots', { user: USERS.yui.id, entries: '12/18 19:00' });
    expect(c.kind).toBe('success');
    const again = await API('functions.completeSuccess', h.fake.botToken, {
      function_execution_id: c.functionExecutionId,
      outputs: c.outputs ?? {},
    });
    expect(again).toMatchObject({ ok: false, error: 'execution_not_in_running_state' });
    expect(
      h.fake.functionCompletions().filter((x) => x.functionExecutionId === c.functionExecutionId),
    ).toHaveLength(1);
  });
});

describe('over Socket Mode', () => {
  let s: Harness;
  beforeAll(async () => {
    s = await startHarness({ now: NOW, transport: 'socket' });
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('runs register_slots over the WebSocket like any event', async () => {
    const c = await run('register_slots', { user: USERS.emma.id, entries: '12/8 09:00' }, s);
    expect(c.kind).toBe('success');
    expect(c.outputs).toEqual({
      added_count: 1,
      quota_status: 'Dec: 1 of 5 slots — 4 to go',
      busy_notes: '',
    });
  });
});
