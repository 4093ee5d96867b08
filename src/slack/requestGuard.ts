/**
 * Our request rules for the Slack endpoint, in front of Bolt's HTTPReceiver (./receiver.ts).
 *
 * The signature is checked by Bolt's own `verifySlackRequest`, here, before anything is recorded for the
 * request (the receiver behind this guard then skips its own, identical check). Around it we are stricter
 * than Bolt: the timestamp must be inside the 5-minute window on both sides (Bolt refuses only stale
 * ones), a request already seen is refused as a replay (the ledger is the database's `seen_requests`, so
 * on PostgreSQL every instance refuses what another took), and bodies are bounded. A refusal is an empty
 * 401 (413, 400), logged with the reason and never the body. A request that passes goes on to Bolt with
 * its body already read (Bolt reuses `rawBody`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifySlackRequest } from '@slack/bolt';
import type { Logger } from '../logger.js';

const SIGNATURE_WINDOW_SECONDS = 5 * 60;
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long the replay check may wait for the database before the request goes on without it. */
const REPLAY_CHECK_TIMEOUT_MS = 1000;
/** Signatures past their window are forgotten at most this often. */
const SWEEP_EVERY_SECONDS = 60;

/** The log message of every refusal. */
const REJECTED = 'rejected a request to the Slack endpoint';

/** Where the signatures of accepted requests are remembered until their window has passed. */
export type ReplayLedger = {
  /** Records the signature until `expiresAt` (epoch seconds); true when nobody had recorded it before. */
  firstSighting: (signature: string, expiresAt: number) => Promise<boolean>;
  /** Forgets the signatures whose window ended before `nowSeconds`. */
  sweep: (nowSeconds: number) => Promise<unknown>;
};

export type GuardOptions = {
  signingSecret: string;
  /** The Slack endpoint, e.g. /slack/events. */
  path: string;
  ledger: ReplayLedger;
  logger: Logger;
  /** Wall-clock seconds (Slack signs with real time, whatever clock the app runs on); for tests. */
  nowSeconds?: () => number;
};

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
type Refusal = { status: number; reason: string };

/** Wraps the receiver's request listener with the rules above. */
export const guardSlackRequests = (next: Listener, opts: GuardOptions): Listener => {
  const now = opts.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  let sweptAt = now();

  const refuse = (res: ServerResponse, { status, reason }: Refusal) => {
    opts.logger.warn({ reason }, REJECTED);
    res.writeHead(status);
    res.end();
  };

  /** Whether the request was seen before. A silent database lets it go on (logged): see replayCheck. */
  const replayed = async (signature: string, timestamp: number): Promise<Refusal | undefined> => {
    const t = now();
    if (t - sweptAt >= SWEEP_EVERY_SECONDS) {
      sweptAt = t;
      opts.ledger
        .sweep(t)
        .catch((err: unknown) => opts.logger.warn({ err }, 'could not sweep seen_requests'));
    }
    const first = await replayCheck(
      opts.ledger.firstSighting(signature, timestamp + SIGNATURE_WINDOW_SECONDS),
    );
    if (first instanceof Error) {
      opts.logger.error(
        { err: first },
        'the shared replay check failed: the request went on unchecked for replays',
      );
      return undefined;
    }
    return first
      ? undefined
      : { status: 401, reason: 'replayed request (seen before, by this or another instance)' };
  };

  const check = async (req: IncomingMessage): Promise<Refusal | Buffer> => {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body) return { status: 413, reason: 'body too large' };
    const timestamp = String(req.headers['x-slack-request-timestamp'] ?? '');
    if (!/^\d+$/.test(timestamp) || Math.abs(now() - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
      return { status: 401, reason: 'timestamp missing or outside the 5-minute window' };
    }
    const signature = req.headers['x-slack-signature'];
    if (typeof signature !== 'string') return { status: 401, reason: 'bad signature' };
    try {
      verifySlackRequest({
        signingSecret: opts.signingSecret,
        body: body.toString(),
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(timestamp) },
        nowMilliseconds: now() * 1000,
      });
    } catch {
      return { status: 401, reason: 'bad signature' };
    }
    return (await replayed(signature, Number(timestamp))) ?? body;
  };

  return (req, res) => {
    const path = requestPath(req.url);
    // Bolt's listener (and Node's URL) would throw on a target that is no URL; a throw here would end
    // the process, so such a request never goes further.
    if (path === undefined) return refuse(res, { status: 400, reason: 'malformed request target' });
    // The receiver matches its endpoint exactly so (pathname, POST in any case): what it would handle,
    // this guards, since the receiver no longer checks signatures itself.
    if (path !== opts.path || req.method?.toUpperCase() !== 'POST') return next(req, res);
    check(req)
      .then((outcome) => {
        if (!Buffer.isBuffer(outcome)) return refuse(res, outcome);
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = outcome;
        next(req, res);
      })
      .catch(() => refuse(res, { status: 400, reason: 'unreadable body' }));
  };
};

/**
 * The ledger's answer, or the error when it failed or did not answer in time: a database that blinks
 * must not fail every command in Slack (the ack is due within 3 s) for a check the timestamp window
 * mostly covers.
 */
const replayCheck = (sighting: Promise<boolean>): Promise<boolean | Error> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Error>((resolve) => {
    timer = setTimeout(
      () => resolve(new Error(`no answer within ${REPLAY_CHECK_TIMEOUT_MS} ms`)),
      REPLAY_CHECK_TIMEOUT_MS,
    );
  });
  const answer = sighting.catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
};

/** The path a request asks for, or undefined when its target is not a URL at all (`GET //[ HTTP/1.1`). */
const requestPath = (target: string | undefined): string | undefined => {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
};

/** The body, or undefined once it exceeds `limit` bytes (the rest is read and dropped). */
export const readBody = (req: IncomingMessage, limit: number): Promise<Buffer | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
