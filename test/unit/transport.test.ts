import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackFetch } from '../../src/slack/transport.js';

let server: Server;
let base = '';
const seen: Array<{ method?: string; url?: string; type?: string; body: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, type: req.headers['content-type'], body });
      if (req.url === '/limited') {
        res.writeHead(429, { 'retry-after': '3', 'content-type': 'application/json' });
        return res.end('{"ok":false,"error":"ratelimited"}');
      }
      if (req.url === '/empty') return res.writeHead(204).end();
      if (req.url === '/moved') return res.writeHead(302, { location: '/elsewhere' }).end();
      if (req.url === '/hang') return; // never answers
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
      res.end(JSON.stringify({ ok: true, echo: body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('the Slack fetch', () => {
  const slackFetch = createSlackFetch();

  it('posts a form body with its headers and returns a standard Response', async () => {
    const res = await slackFetch(`${base}/api/chat.postMessage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ channel: 'C1', text: 'こんにちは' }),
    });
    expect(res).toBeInstanceOf(Response);
    expect(res.ok).toBe(true);
    expect(await res.json()).toEqual({
      ok: true,
      echo: 'channel=C1&text=%E3%81%93%E3%82%93%E3%81%AB%E3%81%A1%E3%81%AF',
    });
    expect(res.headers.get('set-cookie')).toBe('a=1, b=2');
    expect(seen.at(-1)).toMatchObject({ method: 'POST', type: 'application/x-www-form-urlencoded' });
  });

  it("passes a 429's Retry-After through, and answers a 204 with no body", async () => {
    const limited = await slackFetch(`${base}/limited`, { method: 'POST', body: '{}' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    const empty = await slackFetch(`${base}/empty`, { method: 'POST', body: '{}' });
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  it('does not follow redirects', async () => {
    const res = await slackFetch(`${base}/moved`, { method: 'POST', body: '', redirect: 'error' });
    expect(res.status).toBe(302);
    expect(seen.some((s) => s.url === '/elsewhere')).toBe(false);
  });

  it("rejects with the signal's reason on a timeout, like fetch", async () => {
    const err = await slackFetch(`${base}/hang`, {
      method: 'POST',
      body: '',
      signal: AbortSignal.timeout(100),
    }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('TimeoutError');
  });

  it("rejects with TypeError('fetch failed') when nothing listens", async () => {
    const err = await slackFetch('http://127.0.0.1:1/api/auth.test', { method: 'POST', body: '' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TypeError);
    expect((err as Error).message).toBe('fetch failed');
    expect((err as Error).cause).toBeDefined();
  });

  it('leaves multipart bodies (file uploads) to the global fetch', async () => {
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'a.txt');
    const res = await slackFetch(`${base}/upload`, { method: 'POST', body: form });
    expect(res.ok).toBe(true);
    expect(seen.at(-1)?.type).toMatch(/^multipart\/form-data; boundary=/);
  });
});
