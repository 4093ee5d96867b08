// @ts-check
/**
 * The HTTP front, on a thread of its own. It reads every request Slack sends and acks the ones whose ack
 * carries nothing (commands, button clicks, events) as soon as their signature checks out, before the app
 * has done any work for them; the payload then goes to the main thread, where Bolt runs the listener
 * (./ackFront.ts). Everything else — modal submissions, URL verification, /healthz — is passed through
 * to the app's own HTTP server on 127.0.0.1 and answered by Bolt as before.
 *
 * Why a thread: the app's work after an ack (synchronous SQLite queries, Block Kit, garbage collection)
 * runs on the main thread's event loop, where a request that arrives mid-work waits to be read. Here it
 * does not (bench/README.md, figure 1).
 *
 * Why JavaScript: Node 20 cannot load TypeScript in a worker thread (tsx's loader hooks reach workers
 * only from Node 22), and loading tsx in the worker would cost ~40 MB. So this file and the two it
 * imports are plain ES modules with JSDoc types, which `tsc` checks like the rest (`// @ts-check`).
 */
import { Agent, createServer, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { ackedByFront, parseSlackBody } from './payload.js';
import {
  createRequestVerifier,
  MAX_BODY_BYTES,
  readBody,
  requestPath,
  SIGNATURE_WINDOW_SECONDS,
} from './verify.js';

/** @typedef {import('node:http').IncomingMessage} Req */
/** @typedef {import('node:http').ServerResponse} Res */

const settings = /** @type {import('./protocol.js').FrontSettings} */ (workerData);
const port = parentPort;
if (!port) throw new Error('src/slack/front/worker.js runs as a worker thread');

/** @param {import('./protocol.js').FrontMessage} message */
const tell = (message) => port.postMessage(message);

const verify = createRequestVerifier({ signingSecret: settings.signingSecret });
// On PostgreSQL, where several instances may share the database, replays are refused across them too.
const shared = settings.sharedReplay
  ? (await import('./sharedReplay.js')).createSharedReplayGuard(settings.sharedReplay)
  : undefined;
const upstream = new Agent({ keepAlive: true });

/** @param {Res} res @param {string} reason */
const refuse = (res, reason, status = 401) => {
  tell({ type: 'rejected', reason });
  if (!res.headersSent) res.writeHead(status); // (a failure after the ack only ends the response)
  res.end();
};

/** Slack's retry headers, as Bolt reads them. @param {Req} req */
const retryOf = (req) => {
  const num = req.headers['x-slack-retry-num'];
  const reason = req.headers['x-slack-retry-reason'];
  return {
    ...(typeof num === 'string' ? { retryNum: Number.parseInt(num, 10) } : {}),
    ...(typeof reason === 'string' ? { retryReason: reason } : {}),
  };
};

/**
 * The headers without the hop-by-hop ones, which belong to each connection, not to the message.
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
const endToEnd = (headers) => {
  const { connection: _connection, 'keep-alive': _keepAlive, ...rest } = headers;
  return rest;
};

/**
 * Passes a request through to the app's own server; `body` when the front has read it already.
 * @param {Req} req @param {Res} res @param {Buffer} [body]
 */
const passThrough = (req, res, body) => {
  const out = request(
    {
      agent: upstream,
      host: '127.0.0.1',
      port: settings.upstreamPort,
      method: req.method,
      path: req.url,
      headers: endToEnd(req.headers),
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
    },
  );
  out.on('error', (err) => {
    tell({ type: 'proxy-failed', message: err.message });
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  if (body) out.end(body);
  else req.pipe(out);
};

/**
 * Whether another instance took this (signed, in-window) request already. When the database does not
 * answer, the request goes on: this front's own check still applies, and refusing everything while the
 * database blinks would fail every command in Slack for a check the timestamp window mostly covers.
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @returns {Promise<string | undefined>}
 */
const takenElsewhere = async (headers) => {
  if (!shared) return undefined;
  const signature = String(headers['x-slack-signature']);
  const expiresAt = Number(headers['x-slack-request-timestamp']) + SIGNATURE_WINDOW_SECONDS;
  try {
    return (await shared.firstSighting(signature, expiresAt))
      ? undefined
      : 'replayed request (taken by another instance)';
  } catch (err) {
    tell({ type: 'replay-check-failed', message: err instanceof Error ? err.message : String(err) });
    return undefined;
  }
};

/**
 * A POST to the Slack endpoint: checked here whatever it is, then acked here or passed through (where
 * Bolt's guard checks it again, with a memory of its own).
 * @param {Req} req @param {Res} res
 */
const fromSlack = async (req, res) => {
  const raw = await readBody(req, MAX_BODY_BYTES);
  if (!raw) return refuse(res, 'body too large', 413);
  const refused = verify(req.headers, raw) ?? (await takenElsewhere(req.headers));
  if (refused) return refuse(res, refused);
  let body;
  try {
    body = parseSlackBody(raw.toString(), req.headers['content-type']);
  } catch {
    body = undefined; // a malformed body goes to Bolt, which refuses it as it always has
  }
  if (!body || !ackedByFront(body)) return passThrough(req, res, raw);
  res.writeHead(200);
  res.end();
  tell({ type: 'payload', body, ...retryOf(req) });
};

const server = createServer((req, res) => {
  const path = requestPath(req.url);
  // Bolt's own server would throw on a target that is no URL, so such requests never reach it.
  if (path === undefined) return refuse(res, 'malformed request target', 400);
  if (path !== settings.path || req.method !== 'POST') return passThrough(req, res);
  fromSlack(req, res).catch(() => refuse(res, 'unreadable body', 400));
});

port.on('message', (/** @type {import('./protocol.js').FrontCommand} */ command) => {
  if (command.type !== 'close') return;
  server.close(() => {
    upstream.destroy();
    const released = shared ? shared.close().catch(() => {}) : Promise.resolve();
    released.then(() => tell({ type: 'closed' }));
  });
  server.closeIdleConnections();
});

server.listen(settings.port, () => {
  const address = server.address();
  tell({ type: 'listening', port: typeof address === 'object' && address ? address.port : settings.port });
});
