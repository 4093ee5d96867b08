/**
 * The fake's Socket Mode, seen from the wire with a plain WebSocket client (no Bolt): what Slack's docs
 * say a client gets. apps.connections.open takes only an app-level token; the URL is good for one
 * connection; `hello` comes first; envelopes are acked by envelope_id; an unacked events_api envelope is
 * retried with retry_attempt / retry_reason, a slash command is not; the server pings; `disconnect`
 * messages, and after link_disabled no new link is accepted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { FakeSlack } from '../../emulator/server.js';

let fake: FakeSlack;
beforeAll(async () => {
  fake = await new FakeSlack({
    socketMode: {
      ackTimeoutMs: 300,
      eventRetryDelaysMs: [0, 50],
      pingIntervalMs: 100,
      closeAfterDisconnectMs: 100,
    },
  }).start();
});
afterAll(async () => {
  await fake?.stop();
});

const connectionsOpen = async (token?: string) => {
  const res = await fetch(`${fake.apiUrl}apps.connections.open`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return (await res.json()) as { ok: boolean; url?: string; error?: string };
};

type Client = { ws: WebSocket; messages: Array<Record<string, unknown>>; pings: number };

const connect = (url: string): Promise<Client> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const client: Client = { ws, messages: [], pings: 0 };
    ws.on('message', (data) => client.messages.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.on('ping', () => {
      client.pings += 1;
    });
    ws.on('open', () => resolve(client));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    ws.on('error', reject);
  });

const until = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 3000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('apps.connections.open', () => {
  it('answers only the app-level token', async () => {
    expect(await connectionsOpen()).toEqual({ ok: false, error: 'not_authed' });
    expect(await connectionsOpen(fake.botToken)).toEqual({ ok: false, error: 'not_allowed_token_type' });
    expect(await connectionsOpen('xapp-1-A0DESK-1-wrong')).toEqual({ ok: false, error: 'invalid_auth' });
    const ok = await connectionsOpen(fake.appToken);
    expect(ok.ok).toBe(true);
    expect(ok.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/link\/\?ticket=\w+&app_id=A0DESK$/);
  });

  it('refuses the app-level token for other methods', async () => {
    const res = await fetch(`${fake.apiUrl}auth.test`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.appToken}` },
    });
    expect(await res.json()).toEqual({ ok: false, error: 'not_allowed_token_type' });
  });
});

describe('the link', () => {
  it('greets with hello, takes one connection per URL, pings, and matches acks to envelopes', async () => {
    const { url } = await connectionsOpen(fake.appToken);
    const client = await connect(url!);
    await until(() => client.messages.length > 0, 'hello');
    expect(client.messages[0]).toMatchObject({
      type: 'hello',
      num_connections: 1,
      debug_info: { approximate_connection_time: expect.any(Number) },
      connection_info: { app_id: 'A0DESK' },
    });
    await expect(connect(url!)).rejects.toThrow('refused: 401');
    await until(() => client.pings > 0, 'a ping from the server');

    client.ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { envelope_id?: string; type: string };
      if (msg.type === 'slash_commands') {
        client.ws.send(JSON.stringify({ envelope_id: msg.envelope_id, payload: { text: 'got it' } }));
      }
    });
    const acked = await fake.socketMode.deliver(
      'slash_commands',
      { command: '/slots' },
      { acceptsResponsePayload: true },
    );
    expect(acked).toEqual({ acked: true, payload: { text: 'got it' } });
    const envelope = client.messages.at(-1)!;
    expect(envelope).toMatchObject({
      type: 'slash_commands',
      payload: { command: '/slots' },
      accepts_response_payload: true,
      envelope_id: expect.any(String),
    });
    client.ws.close();
    await until(() => fake.socketMode.openConnections === 0, 'the close');
  });

  it('retries an unacked event with retry_attempt and retry_reason, but not an unacked command', async () => {
    const client = await connect((await connectionsOpen(fake.appToken)).url!);
    const sentBefore = fake.socketMode.sent.length;
    const event = { type: 'event_callback', event_id: 'Ev1', event: { type: 'app_home_opened' } };
    expect(await fake.socketMode.deliver('events_api', event)).toEqual({ acked: false, reason: 'timeout' });
    await until(() => fake.socketMode.sent.length >= sentBefore + 3, 'two retries');
    await new Promise((r) => setTimeout(r, 700)); // past the last retry's timeout: no fourth delivery
    const events = fake.socketMode.sent.slice(sentBefore);
    expect(events.map((e) => [e.type, e.retry_attempt, e.retry_reason])).toEqual([
      ['events_api', 0, ''],
      ['events_api', 1, 'timeout'],
      ['events_api', 2, 'timeout'],
    ]);
    expect(new Set(events.map((e) => e.envelope_id)).size).toBe(3);

    const commandsBefore = fake.socketMode.sent.length;
    expect(await fake.socketMode.deliver('slash_commands', { command: '/slots' })).toEqual({
      acked: false,
      reason: 'timeout',
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(fake.socketMode.sent.length).toBe(commandsBefore + 1);
    client.ws.close();
    await until(() => fake.socketMode.openConnections === 0, 'the close');
  });

  it('sends disconnect, closes the link itself, and takes no new link after link_disabled', async () => {
    const client = await connect((await connectionsOpen(fake.appToken)).url!);
    const closed = new Promise<number>((resolve) => client.ws.on('close', (code) => resolve(code)));
    fake.socketMode.disconnect('link_disabled');
    expect(await closed).toBe(1000);
    expect(client.messages.at(-1)).toMatchObject({ type: 'disconnect', reason: 'link_disabled' });
    const { url } = await connectionsOpen(fake.appToken);
    await expect(connect(url!)).rejects.toThrow('refused: 401');
    fake.socketMode.enableLink();
    const again = await connect((await connectionsOpen(fake.appToken)).url!);
    await until(() => again.messages[0]?.type === 'hello', 'hello');
    again.ws.close();
  });
});
