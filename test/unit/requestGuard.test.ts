/**
 * The request rules in front of Bolt's receiver (src/slack/requestGuard.ts), on a real HTTP server: the
 * timestamp window on both sides, Bolt's signature check, replays, and a replay ledger that fails or
 * never answers (the request must still go on in time for Slack's 3 s).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { signRequest } from '../../emulator/deliver.js';
import { createLogger } from '../../src/logger.js';
import { guardSlackRequests, type ReplayLedger } from '../../src/slack/requestGuard.js';

const SECRET = 'unit-test-signing-secret';
const NOW = 1_800_000_000;

const memoryLedger = (): ReplayLedger => {
  const seen = new Set<string>();
  return {
    firstSighting: async (signature) => !seen.has(signature) && Boolean(seen.add(signature)),
    sweep: async () => 0,
  };
};

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

const start = async (ledger: ReplayLedger) => {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  server = createServer(
    guardSlackRequests(
      (req, res) => {
        const raw = (req as IncomingMessage & { rawBody?: Buffer }).rawBody;
        res.writeHead(200);
        res.end(raw ? `passed:${raw.toString()}` : 'passed without a body read');
      },
      {
        signingSecret: SECRET,
        path: '/slack/events',
        ledger,
        logger: createLogger('info', sink),
        nowSeconds: () => NOW,
      },
    ),
  );
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  const send = async (body: string, timestamp = NOW, signature = signRequest(SECRET, timestamp, body)) => {
    const res = await fetch(`${url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      body,
    });
    return { status: res.status, text: await res.text() };
  };
  return { url, send, logs };
};

describe('the request guard', () => {
  it('passes a signed request on with its body already read', async () => {
    const { send } = await start(memoryLedger());
    expect(await send('command=%2Fslots&text=list')).toEqual({
      status: 200,
      text: 'passed:command=%2Fslots&text=list',
    });
  });

  it('takes timestamps up to 5 minutes either side, and refuses beyond', async () => {
    const { send, logs } = await start(memoryLedger());
    expect((await send('a=1', NOW - 300)).status).toBe(200);
    expect((await send('a=2', NOW + 300)).status).toBe(200);
    expect((await send('a=3', NOW - 301)).status).toBe(401);
    expect((await send('a=4', NOW + 301)).status).toBe(401); // Bolt alone would take this one
    expect(logs.join('')).toContain('outside the 5-minute window');
  });

  it('refuses a wrong signature and an unknown signature version', async () => {
    const { send } = await start(memoryLedger());
    expect((await send('a=1', NOW, 'v0=00')).status).toBe(401);
    expect((await send('a=1', NOW, signRequest(SECRET, NOW, 'a=1').replace('v0=', 'v1='))).status).toBe(401);
  });

  it('refuses the same signed request a second time, and records nothing for a refused one', async () => {
    const { send } = await start(memoryLedger());
    expect((await send('a=1', NOW, 'v0=00')).status).toBe(401); // not recorded: the real one still passes
    expect((await send('a=1')).status).toBe(200);
    expect((await send('a=1')).status).toBe(401);
  });

  it('lets a request go on when the ledger fails, and logs it', async () => {
    const { send, logs } = await start({
      firstSighting: async () => {
        throw new Error('relation "seen_requests" does not exist');
      },
      sweep: async () => 0,
    });
    expect((await send('a=1')).status).toBe(200);
    expect(logs.join('')).toContain('shared replay check failed');
  });

  it('lets a request go on after 1 s when the ledger never answers', async () => {
    const { send, logs } = await start({ firstSighting: () => new Promise(() => {}), sweep: async () => 0 });
    const started = Date.now();
    expect((await send('a=1')).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(2900); // Slack gives up on an ack after 3 s
    expect(logs.join('')).toContain('no answer within 1000 ms');
  });

  it('leaves other paths and methods to the receiver, unread', async () => {
    const { url } = await start(memoryLedger());
    expect(await (await fetch(`${url}/healthz`)).text()).toBe('passed without a body read');
    expect(await (await fetch(`${url}/slack/events`)).text()).toBe('passed without a body read');
  });
});
