/**
 * A guard in front of Bolt's HTTP receiver for /slack/events. Bolt verifies the signature and refuses
 * stale timestamps; this also refuses timestamps more than 5 minutes in the future and replays (the same
 * signature seen again within the window), and keeps bodies bounded. Rejections are 401 with no body,
 * logged without the request body. Requests that pass go on to Bolt with their body already buffered.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';

export const SIGNATURE_WINDOW_SECONDS = 5 * 60;
export const MAX_BODY_BYTES = 1024 * 1024;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export type GuardOptions = {
  signingSecret: string;
  path: string;
  logger: Logger;
  /** Wall-clock seconds; injectable for tests. */
  nowSeconds?: () => number;
};

export const isValidSignature = (
  secret: string,
  timestamp: string,
  body: Buffer,
  signature: string,
): boolean => {
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

export const guardSlackRequests = (inner: Listener, opts: GuardOptions): Listener => {
  const seen = new Map<string, number>();
  const now = opts.nowSeconds ?? (() => Math.floor(Date.now() / 1000));

  const reject = (res: ServerResponse, reason: string, status = 401) => {
    opts.logger.warn({ reason }, 'rejected a request to the Slack endpoint');
    res.writeHead(status);
    res.end();
  };

  // Expired signatures are swept at most once a second, not on every request: at a steady load the map
  // holds minutes of traffic, and walking it per request would make each request pay for all of them.
  let sweptAt = 0;
  const forget = (t: number) => {
    if (t === sweptAt) return;
    sweptAt = t;
    for (const [sig, until] of seen) if (until < t) seen.delete(sig);
  };

  return (req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== opts.path || req.method !== 'POST') return inner(req, res);
    readBody(req, MAX_BODY_BYTES)
      .then((body) => {
        if (!body) return reject(res, 'body too large', 413);
        const timestamp = String(req.headers['x-slack-request-timestamp'] ?? '');
        const signature = String(req.headers['x-slack-signature'] ?? '');
        const t = now();
        const ts = Number(timestamp);
        if (!/^\d+$/.test(timestamp) || Math.abs(t - ts) > SIGNATURE_WINDOW_SECONDS) {
          return reject(res, 'timestamp missing or outside the 5-minute window');
        }
        if (!signature || !isValidSignature(opts.signingSecret, timestamp, body, signature)) {
          return reject(res, 'bad signature');
        }
        forget(t);
        if (seen.has(signature)) return reject(res, 'replayed request');
        seen.set(signature, ts + SIGNATURE_WINDOW_SECONDS);
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
        inner(req, res);
      })
      .catch(() => reject(res, 'unreadable body', 400));
  };
};

/** The body, or undefined once it exceeds `limit` bytes. */
const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
