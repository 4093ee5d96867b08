/**
 * The sandbox's own HTTP API (/sandbox/api/*), in-process: the real app against the fake Slack with a temp
 * database. Commands, messages, clicks and modal submissions go to the app signed, as Slack sends them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../emulator/api.js';
import { appManifest } from '../../emulator/manifest.js';
import { FakeSlack } from '../../emulator/server.js';
import { ModalStacks } from '../../sandbox/modals.js';
import { stateValues } from '../../sandbox/payloads.js';
import { type Sandbox, startSandbox } from '../../sandbox/server.js';
import type { Snapshot } from '../../sandbox/shared/types.js';

const quiet = () =>
  new Writable({
    write(_chunk, _enc, cb) {
      cb();
    },
  });

let dir: string;
let sandbox: Sandbox;
let base: string;

const start = async () => {
  sandbox = await startSandbox({ port: 0, dataDir: dir, log: quiet() });
  base = `http://127.0.0.1:${sandbox.port}`;
  await sandbox.seeded();
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'supporter-desk-sandbox-'));
  await start();
});
afterAll(async () => {
  await sandbox?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const state = async (): Promise<Snapshot> =>
  (await fetch(`${base}/sandbox/api/state`)).json() as Promise<Snapshot>;

const post = async (path: string, body: unknown) => {
  const res = await fetch(`${base}/sandbox/api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
};

/** Re-reads the state until `pick` finds something (the app answers asynchronously, via response_url). */
const eventually = async <T>(
  pick: (s: Snapshot) => T | undefined,
  what: string,
  timeoutMs = 5000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = pick(await state());
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('the sandbox server', () => {
  it('serves the page, the bundled client and its stylesheet', async () => {
    const page = await fetch(`${base}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<script type="module" src="/app.js">');
    const js = await fetch(`${base}/app.js`);
    expect(js.status).toBe(200);
    expect(await js.text()).toContain('/sandbox/api/state');
    expect((await fetch(`${base}/style.css`)).status).toBe(200);
  });

  it('seeds the demo workspace through the real app on first start', async () => {
    const s = await state();
    expect(s.seed.state).toBe('done');
    expect(s.seed.log.length).toBeGreaterThan(5);
    expect(s.users.map((u) => u.realName)).toEqual(
      expect.arrayContaining(['佐藤 愛子', '田中 健', '鈴木 結衣', 'Emma Clark', '運営']),
    );
    expect(s.messages.some((m) => m.channel === s.channels.advice && m.user === 'UOPS')).toBe(true);
    // TODO(features): once /consult is settled, assert the seeded consultation and its thread reply.
    expect(s.seed.ok).toBeGreaterThan(0);
  });

  it('seeds a session that has ended with its outcome DM waiting, to click through to a write-up', async () => {
    const s = await state();
    const log = s.seed.log;
    // The seed books sessions (one that has ended among them) and then asks about the ended ones.
    expect(log).toContainEqual(expect.stringMatching(/^✓ .*\/slots book \d+ Aさん 初回/));
    expect(log).toContainEqual(expect.stringMatching(/^✓ job session-outcomes: sent [1-9]/));
    const dm = s.messages.find((m) => m.channel === 'DAIKO' && m.text.includes('どうでしたか'));
    expect(dm?.text).toContain('初回・Aさん');
  });

  it('sends a slash command signed and shows the ephemeral answer in the state', async () => {
    const sent = await post('command', {
      user: 'UAIKO',
      channel: 'CADVICE',
      command: '/slots',
      text: 'help',
    });
    expect(sent).toEqual({ status: 200, json: { status: 200 } });
    const reply = await eventually(
      (s) => s.ephemerals.find((e) => e.user === 'UAIKO' && e.text.includes('/slots add')),
      'the /slots help reply',
    );
    expect(reply.channel).toBe('CADVICE');
    expect(reply.text).toContain('相談枠');
  });

  it('refuses unknown users and commands, and leaves Slack’s own /api/* to the fake', async () => {
    expect(
      (await post('command', { user: 'UNOBODY', channel: 'CADVICE', command: '/slots', text: '' })).status,
    ).toBe(400);
    expect(
      (await post('command', { user: 'UAIKO', channel: 'CADVICE', command: '/dance', text: '' })).status,
    ).toBe(400);
    expect((await post('message', { user: 'UAIKO', channel: 'COPS', text: 'hi' })).status).toBe(403);
    const api = await fetch(`${base}/api/auth.test`, { method: 'POST' });
    expect(await api.json()).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('offers exactly the manifest’s commands, with their descriptions and usage hints, and /study works', async () => {
    const s = await state();
    expect(s.commands.map((c) => c.command)).toEqual(appManifest().commands.map((c) => c.command));
    const study = s.commands.find((c) => c.command === '/study');
    expect(study?.description).toContain('勉強会');
    expect(study?.usageHint).toContain('#タグ');
    const sent = await post('command', {
      user: 'UAIKO',
      channel: 'CADVICE',
      command: '/study',
      text: 'help',
    });
    expect(sent).toEqual({ status: 200, json: { status: 200 } });
    await eventually(
      (st) => st.ephemerals.find((e) => e.user === 'UAIKO' && e.text.includes('/study add')),
      'the /study help reply',
    );
  });

  it('answers an unknown command in Slack’s words, naming the app’s real commands', async () => {
    const sent = await post('command', { user: 'UAIKO', channel: 'CADVICE', command: '/foo', text: '' });
    expect(sent.status).toBe(400);
    expect(sent.json.error).toContain('/foo is not a valid command.');
    expect(sent.json.error).toContain('try preceding the "/" with an empty space');
    expect(sent.json.error).toContain(
      appManifest()
        .commands.map((c) => c.command)
        .join(', '),
    );
  });

  it('sends @名前 and #channel as <@U…> / <#C…>, with & < > escaped, as Slack’s client does', async () => {
    const typed = '@田中 健 さん、@ken と @Emma Clark も #advice を見て <!channel> & 2<3 (mail a@ken.jp)';
    const sent = await post('message', { user: 'UAIKO', channel: 'CSUPPORT', text: typed });
    expect(sent.status).toBe(200);
    const stored = (await state()).messages.find((m) => m.ts === sent.json.ts);
    expect(stored?.text).toBe(
      '<@UKEN> さん、<@UKEN> と <@UEMMA> も <#CADVICE> を見て &lt;!channel&gt; &amp; 2&lt;3 (mail a@ken.jp)',
    );
    // The app got the same text in its message event.
    const fakeMessage = sandbox.fake.state.messages.find((m) => m.ts === sent.json.ts);
    expect(fakeMessage?.text).toBe(stored?.text);
  });

  it('posts a thread reply as the user and delivers it to the app as a message event', async () => {
    const parent = (await state()).messages.find((m) => m.channel === 'CADVICE' && !m.threadTs);
    expect(parent).toBeDefined();
    const sent = await post('message', {
      user: 'UKEN',
      channel: 'CADVICE',
      text: '経験から一言…',
      threadTs: parent!.ts,
    });
    expect(sent.status).toBe(200);
    expect(sent.json.status).toBe(200);
    const s = await state();
    const reply = s.messages.find((m) => m.ts === sent.json.ts);
    expect(reply).toMatchObject({ user: 'UKEN', threadTs: parent!.ts, isBot: false });
    expect(s.messages.find((m) => m.ts === parent!.ts)?.replyCount).toBeGreaterThan(0);
  });

  it('streams a change over Server-Sent Events when anything happens', async () => {
    const abort = new AbortController();
    const res = await fetch(`${base}/sandbox/api/events`, { signal: abort.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    /** The next `change` event's version. */
    const next = async (): Promise<number> => {
      for (;;) {
        const m = /event: change\ndata: (\{.*\})\n\n/.exec(buffer);
        if (m) {
          buffer = buffer.slice(m.index + m[0].length);
          return (JSON.parse(m[1]!) as { version: number }).version;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
    };
    const first = await next();
    await post('message', { user: 'UYUI', channel: 'CSUPPORT', text: 'こんにちは' });
    let latest = await next();
    while (latest <= first) latest = await next();
    abort.abort();
    expect(latest).toBeGreaterThan(first);
    expect((await state()).version).toBeGreaterThanOrEqual(latest);
  });

  it('sets the sandbox clock in the app’s time zone and back to real time', async () => {
    expect((await post('clock', { local: '2026-12-20T10:00' })).status).toBe(200);
    expect((await state()).clock).toMatchObject({ real: false, timezone: 'Asia/Tokyo' });
    expect((await state()).clock.now).toMatch(/^2026-12-20T10:0\d:\d\d\.\d+\+09:00$/);
    expect(sandbox.app().config.scheduler.enabled).toBe(false);
    expect((await post('clock', { local: 'not a date' })).status).toBe(400);
    await post('clock', { local: null });
    expect((await state()).clock.real).toBe(true);
  });

  it('lists the panel jobs, all available, and runs one', async () => {
    const s = await state();
    expect(s.jobs.map((j) => j.name)).toEqual([
      'quota-reminders',
      'operator-digest',
      'advice-nudges',
      'writeup-reminders',
      'study-reminders',
      'session-outcomes',
      'session-briefs',
    ]);
    expect(s.jobs.every((j) => j.available)).toBe(true);
    const run = await post('job', { name: 'operator-digest' });
    expect(run.json).toMatchObject({ ok: true });
    const digest = (await state()).messages.filter((m) => m.channel === 'COPS');
    expect(digest.length).toBeGreaterThan(0);
  });

  it('seeds booked sessions, and session-briefs briefs the one starting within a day', async () => {
    const booked = (await state()).messages.filter((m) => m.text.includes('予約が入りました'));
    expect(booked.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(booked[0]!.blocks)).toContain('session_cover');
    const run = await post('job', { name: 'session-briefs' });
    expect(run.json).toMatchObject({ ok: true, report: { sent: 1 } });
    const brief = (await state()).messages.find((m) => m.text.includes('セッションの準備'));
    expect(brief?.text).toContain('Cさん');
  });

  it('sends a signed test booking to POST /api/bookings: the soonest open slot is booked and its supporter told', async () => {
    const isBookingDm = (m: { text: string }) => /予約が入りました|New booking/.test(m.text);
    const before = (await state()).messages.filter(isBookingDm).length;
    const res = await post('test-booking', {});
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, status: 201 });
    const body = res.json.body as { slot_id: number; session_id: number };
    expect(body.slot_id).toBe(res.json.slotId);
    const session = await sandbox
      .app()
      .database.db.selectFrom('sessions')
      .selectAll()
      .where('id', '=', body.session_id)
      .executeTakeFirstOrThrow();
    expect(session).toMatchObject({ slot_id: body.slot_id, source: 'webhook' });
    await eventually(
      (s) => (s.messages.filter(isBookingDm).length > before ? true : undefined),
      'the booking DM',
    );
  });

  it('keeps the workspace across a restart, and starts over on reset', async () => {
    const before = (await state()).messages.length;
    await sandbox.stop();
    await start();
    const after = await state();
    expect(after.messages.length).toBe(before);
    expect(after.seed.state).toBe('idle');
    expect((await post('reset', {})).status).toBe(200);
    await sandbox.seeded();
    const fresh = await state();
    expect(fresh.seed.state).toBe('done');
    expect(fresh.messages.some((m) => m.text.includes('経験から一言'))).toBe(false);
  });
});

describe('Slack payload shapes', () => {
  const option = (value: string, text: string) => ({ text: { type: 'plain_text', text }, value });
  const blocks = [
    { type: 'input', block_id: 'date', element: { type: 'datepicker', action_id: 'd' }, label: {} },
    {
      type: 'input',
      block_id: 'time',
      element: { type: 'timepicker', action_id: 't', initial_time: '19:00' },
      label: {},
    },
    {
      type: 'input',
      block_id: 'topic',
      element: { type: 'plain_text_input', action_id: 'v', multiline: true },
      label: {},
    },
    {
      type: 'input',
      block_id: 'plan',
      element: {
        type: 'static_select',
        action_id: 'p',
        options: [option('first', '初回'), option('light', 'ライト')],
      },
      label: {},
    },
    {
      type: 'input',
      block_id: 'tags',
      element: {
        type: 'multi_static_select',
        action_id: 'm',
        options: [option('人事', '人事'), option('派遣', '派遣')],
      },
      label: {},
    },
    {
      type: 'input',
      block_id: 'ok',
      element: { type: 'checkboxes', action_id: 'c', options: [option('yes', 'はい')] },
      label: {},
    },
    { type: 'section', text: { type: 'mrkdwn', text: 'no state' } },
  ];

  it('gives every input its Slack value shape, untouched ones included', () => {
    expect(
      stateValues(blocks, {
        date: { d: '2026-12-03' },
        topic: { v: '転職の軸' },
        plan: { p: 'first' },
        tags: { m: ['派遣'] },
      }),
    ).toEqual({
      date: { d: { type: 'datepicker', selected_date: '2026-12-03' } },
      time: { t: { type: 'timepicker', selected_time: '19:00' } },
      topic: { v: { type: 'plain_text_input', value: '転職の軸' } },
      plan: { p: { type: 'static_select', selected_option: option('first', '初回') } },
      tags: { m: { type: 'multi_static_select', selected_options: [option('派遣', '派遣')] } },
      ok: { c: { type: 'checkboxes', selected_options: [] } },
    });
  });

  it('sends empty inputs as null, like Slack', () => {
    const values = stateValues(blocks, { topic: { v: null }, plan: { p: null } });
    expect(values.topic).toEqual({ v: { type: 'plain_text_input', value: null } });
    expect(values.plan).toEqual({ p: { type: 'static_select', selected_option: null } });
    expect(values.date).toEqual({ d: { type: 'datepicker', selected_date: null } });
  });
});

describe('modal stacks', () => {
  const modal = (title: string) => ({
    type: 'modal',
    title: { type: 'plain_text', text: title },
    blocks: [],
  });
  const setup = () => {
    const fake = new FakeSlack();
    fake.state.addUser({ id: 'UAIKO', name: 'aiko', realName: '佐藤 愛子', locale: 'ja-JP' });
    const stacks = new ModalStacks(fake, {});
    const call = (method: string, args: Record<string, unknown>) => {
      const result = API[method]!(fake.state, args);
      fake.emit('call', { method, args, at: 0, status: 200, ok: result.ok });
      return (result.view as { id: string }).id;
    };
    const titles = () => stacks.of('UAIKO').map((v) => (v.view.title as { text: string }).text);
    return { stacks, call, titles };
  };

  it('follows views.open / views.push and applies response_action update, push, errors and clear', () => {
    const { stacks, call, titles } = setup();
    const first = call('views.open', { trigger_id: '1.UAIKO.trigger', view: modal('A') });
    const second = call('views.push', { trigger_id: '2.UAIKO.trigger', view: modal('B') });
    expect(titles()).toEqual(['A', 'B']);
    expect(stacks.position('UAIKO', second)).toEqual({ root: first, previous: first });
    expect(
      stacks.applyResponse('UAIKO', second, 200, { response_action: 'update', view: modal('B2') }),
    ).toEqual({
      ok: true,
      closed: false,
    });
    expect(titles()).toEqual(['A', 'B2']);
    expect(
      stacks.applyResponse('UAIKO', second, 200, { response_action: 'errors', errors: { b: 'x' } }),
    ).toEqual({
      ok: false,
      errors: { b: 'x' },
    });
    stacks.applyResponse('UAIKO', second, 200, { response_action: 'push', view: modal('C') });
    expect(titles()).toEqual(['A', 'B2', 'C']);
    stacks.applyResponse('UAIKO', stacks.of('UAIKO').at(-1)!.id, 200, undefined);
    expect(titles()).toEqual(['A', 'B2']);
    stacks.applyResponse('UAIKO', second, 200, { response_action: 'clear' });
    expect(titles()).toEqual([]);
  });

  it('keeps the modal open when the app does not answer 200', () => {
    const { stacks, call, titles } = setup();
    const id = call('views.open', { trigger_id: '1.UAIKO.trigger', view: modal('A') });
    expect(stacks.applyResponse('UAIKO', id, 500, undefined)).toEqual({ ok: false, error: 'HTTP 500' });
    expect(titles()).toEqual(['A']);
  });
});
