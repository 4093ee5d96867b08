/**
 * The emulator's Block Kit rules (emulator/blockKit.ts) refuse what Slack refuses, with Slack's error
 * shapes, over real HTTP: invalid_blocks on chat.*, invalid_arguments on views.*, msg_too_long; and the
 * trigger_id (3 s, once) and response_url (5 uses in 30 minutes) limits (emulator/triggers.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockProblems, viewProblems } from '../../emulator/blockKit.js';
import { SlackToApp } from '../../emulator/deliver.js';
import { FakeSlack } from '../../emulator/server.js';

const pt = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const button = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'button',
  text: pt(text),
  action_id: 'a',
  ...extra,
});
const select = (options: unknown[]) => ({ type: 'static_select', action_id: 's', options });
const opt = (text: string, value = 'v') => ({ text: pt(text), value });
const modal = (extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: pt('Title'),
  submit: pt('OK'),
  blocks: [],
  ...extra,
});

describe('blockProblems', () => {
  it.each([
    ['51 blocks in a message', Array.from({ length: 51 }, () => ({ type: 'divider' })), '/blocks'],
    ['section text over 3000', [{ type: 'section', text: md('x'.repeat(3001)) }], '/blocks/0/text/text'],
    ['empty section text', [{ type: 'section', text: md('') }], '/blocks/0/text/text'],
    [
      '11 fields',
      [{ type: 'section', fields: Array.from({ length: 11 }, () => md('f')) }],
      '/blocks/0/fields',
    ],
    ['a field over 2000', [{ type: 'section', fields: [md('f'.repeat(2001))] }], '/blocks/0/fields/0/text'],
    ['header over 150', [{ type: 'header', text: pt('h'.repeat(151)) }], '/blocks/0/text/text'],
    ['mrkdwn header', [{ type: 'header', text: md('h') }], '/blocks/0/text/type'],
    [
      'button text over 75',
      [{ type: 'actions', elements: [button('b'.repeat(76))] }],
      '/blocks/0/elements/0/text/text',
    ],
    [
      'button value over 2000',
      [{ type: 'actions', elements: [button('b', { value: 'v'.repeat(2001) })] }],
      '/blocks/0/elements/0/value',
    ],
    [
      'action_id over 255',
      [{ type: 'actions', elements: [button('b', { action_id: 'a'.repeat(256) })] }],
      '/blocks/0/elements/0/action_id',
    ],
    ['block_id over 255', [{ type: 'divider', block_id: 'b'.repeat(256) }], '/blocks/0/block_id'],
    [
      'duplicate block_id',
      [
        { type: 'divider', block_id: 'same' },
        { type: 'divider', block_id: 'same' },
      ],
      '/blocks/1/block_id',
    ],
    [
      'option text over 75',
      [{ type: 'section', text: md('s'), accessory: select([opt('o'.repeat(76))]) }],
      '/blocks/0/accessory/options/0/text/text',
    ],
    [
      'option value over 150',
      [{ type: 'section', text: md('s'), accessory: select([opt('o', 'v'.repeat(151))]) }],
      '/blocks/0/accessory/options/0/value',
    ],
    [
      '101 options',
      [{ type: 'section', text: md('s'), accessory: select(Array.from({ length: 101 }, () => opt('o'))) }],
      '/blocks/0/accessory/options',
    ],
    [
      '11 context elements',
      [{ type: 'context', elements: Array.from({ length: 11 }, () => md('c')) }],
      '/blocks/0/elements',
    ],
  ])('%s', (_what, blocks, pointer) => {
    const problems = blockProblems(blocks, 'message');
    expect(problems.some((p) => p.startsWith('[ERROR] ') && p.endsWith(`[json-pointer:${pointer}]`))).toBe(
      true,
    );
  });

  it('takes 100 blocks in a modal or Home tab, and well-formed blocks anywhere', () => {
    const hundred = Array.from({ length: 100 }, () => ({ type: 'divider' }));
    expect(blockProblems(hundred, 'home')).toEqual([]);
    expect(blockProblems(hundred, 'message')).toHaveLength(1);
    expect(
      blockProblems(
        [
          { type: 'header', text: pt('h'.repeat(150)) },
          { type: 'section', text: md('x'.repeat(3000)), accessory: button('b'.repeat(75)) },
          { type: 'context', elements: Array.from({ length: 10 }, () => md('c')) },
        ],
        'message',
      ),
    ).toEqual([]);
  });
});

describe('viewProblems', () => {
  const input = (extra: Record<string, unknown> = {}) => ({
    type: 'input',
    block_id: 'i',
    label: pt('Label'),
    element: { type: 'plain_text_input', action_id: 'v' },
    ...extra,
  });
  it.each([
    ['title over 24', modal({ title: pt('t'.repeat(25)) }), '/view/title/text'],
    ['submit over 24', modal({ submit: pt('s'.repeat(25)) }), '/view/submit/text'],
    ['close over 24', modal({ close: pt('c'.repeat(25)) }), '/view/close/text'],
    ['private_metadata over 3000', modal({ private_metadata: 'm'.repeat(3001) }), '/view/private_metadata'],
    ['callback_id over 255', modal({ callback_id: 'c'.repeat(256) }), '/view/callback_id'],
    [
      'label over 2000',
      modal({ blocks: [input({ label: pt('l'.repeat(2001)) })] }),
      '/view/blocks/0/label/text',
    ],
    [
      'hint over 2000',
      modal({ blocks: [input({ hint: pt('h'.repeat(2001)) })] }),
      '/view/blocks/0/hint/text',
    ],
    [
      'placeholder over 150',
      modal({
        blocks: [
          input({ element: { type: 'plain_text_input', action_id: 'v', placeholder: pt('p'.repeat(151)) } }),
        ],
      }),
      '/view/blocks/0/element/placeholder/text',
    ],
    ['input without submit', modal({ submit: undefined, blocks: [input()] }), '/view/submit'],
  ])('%s', (_what, view, pointer) => {
    const problems = viewProblems(JSON.parse(JSON.stringify(view)), 'modal');
    expect(problems.some((p) => p.endsWith(`[json-pointer:${pointer}]`))).toBe(true);
  });
});

describe('over HTTP', () => {
  let fake: FakeSlack;
  let now = Date.parse('2026-11-25T01:00:00Z');
  const api = async (method: string, args: Record<string, unknown>) => {
    const res = await fetch(`${fake.apiUrl}${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${fake.botToken}` },
      body: JSON.stringify(args),
    });
    return (await res.json()) as Record<string, unknown>;
  };
  beforeAll(async () => {
    fake = await new FakeSlack({ clock: () => now }).start();
    fake.state.addUser({ id: 'UAIKO', name: 'aiko', realName: '佐藤 愛子', locale: 'ja-JP' });
    fake.state.addChannel('CGENERAL', 'general', ['UAIKO', 'UBOTDESK']);
  });
  afterAll(async () => {
    await fake?.stop();
  });

  it('refuses bad blocks on chat.postMessage with invalid_blocks and json-pointer messages', async () => {
    const r = await api('chat.postMessage', {
      channel: 'CGENERAL',
      text: 'x',
      blocks: [{ type: 'header', text: pt('h'.repeat(151)) }],
    });
    expect(r).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      errors: [expect.stringContaining('[json-pointer:/blocks/0/text/text]')],
      response_metadata: {
        messages: [expect.stringMatching(/^\[ERROR\] .*\[json-pointer:\/blocks\/0\/text\/text\]$/)],
      },
    });
    expect(fake.state.messages).toHaveLength(0);
    expect(await api('chat.postMessage', { channel: 'CGENERAL', text: 'y'.repeat(40_001) })).toEqual({
      ok: false,
      error: 'msg_too_long',
    });
  });

  it('refuses a bad view on views.publish with invalid_arguments', async () => {
    const r = await api('views.publish', {
      user_id: 'UAIKO',
      view: { type: 'home', blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) },
    });
    expect(r).toMatchObject({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: { messages: [expect.stringContaining('[json-pointer:/view/blocks]')] },
    });
  });

  it('takes a trigger_id once and within 3 s; one it never issued is invalid', async () => {
    const slack = new SlackToApp(fake, 'http://127.0.0.1:1/', 'secret');
    expect(await api('views.open', { trigger_id: '999.UAIKO.made-up', view: modal() })).toMatchObject({
      error: 'invalid_trigger_id',
    });
    const fresh = slack.nextTriggerId('UAIKO');
    now += 2900;
    expect(await api('views.open', { trigger_id: fresh, view: modal() })).toMatchObject({ ok: true });
    expect(await api('views.open', { trigger_id: fresh, view: modal() })).toMatchObject({
      error: 'exchanged_trigger_id',
    });
    const late = slack.nextTriggerId('UAIKO');
    now += 3001;
    expect(await api('views.push', { trigger_id: late, view: modal() })).toMatchObject({
      error: 'expired_trigger_id',
    });
  });

  it('takes 5 posts on a response_url within 30 minutes, then answers 404 expired_url', async () => {
    const post = async (url: string, body: unknown = { text: 'hi' }) => {
      const res = await fetch(url, { method: 'POST', body: JSON.stringify(body) });
      return { status: res.status, json: await res.json() };
    };
    const url = fake.newResponseUrl('CGENERAL', 'UAIKO');
    for (let i = 0; i < 5; i += 1) expect((await post(url)).status).toBe(200);
    expect(await post(url)).toEqual({ status: 404, json: { ok: false, error: 'expired_url' } });

    const old = fake.newResponseUrl('CGENERAL', 'UAIKO');
    expect((await post(old, { text: 'x', blocks: [{ type: 'section', text: md('') }] })).json).toMatchObject({
      error: 'invalid_blocks',
    });
    now += 30 * 60_000 + 1;
    expect((await post(old)).status).toBe(404);
  });
});
