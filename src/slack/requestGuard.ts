/**
 * A guard in front of Bolt's HTTP receiver for /slack/events. Bolt verifies the signature and refuses
 * stale timestamps; this also refuses timestamps more than 5 minutes in the future and replays (the same
 * signature seen again within the window), and keeps bodies bounded. Rejections are 401 with no body,
 * logged without the request body. Requests that pass go on to Bolt with their body already buffered.
 *
 * The HTTP front (./front/worker.js) makes the same checks, with the same code, on every request to the
 * endpoint (on PostgreSQL also against the replays other instances took, ./front/sharedReplay.js); what it
 * does not ack itself it passes through to this guard, which checks it again with a memory of its own: a
 * second line behind the front, since Bolt's server listens on 127.0.0.1 only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import {
  createRequestVerifier,
  MAX_BODY_BYTES,
  readBody,
  requestPath,
  type VerifyOptions,
} from './front/verify.js';

export { isValidSignature, MAX_BODY_BYTES, SIGNATURE_WINDOW_SECONDS } from './front/verify.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export type GuardOptions = VerifyOptions & { path: string; logger: Logger };

/** The log message of every rejection, wherever it happens. */
export const REJECTED = 'rejected a request to the Slack endpoint';

export const guardSlackRequests = (inner: Listener, opts: GuardOptions): Listener => {
  const verify = createRequestVerifier(opts);
  const reject = (res: ServerResponse, reason: string, status = 401) => {
    opts.logger.warn({ reason }, REJECTED);
    res.writeHead(status);
    res.end();
  };

  return (req, res) => {
    const path = requestPath(req.url);
    if (path === undefined) return reject(res, 'malformed request target', 400);
    if (path !== opts.path || req.method !== 'POST') return inner(req, res);
    readBody(req, MAX_BODY_BYTES)
      .then((body) => {
        if (!body) return reject(res, 'body too large', 413);
        const refused = verify(req.headers, body);
        if (refused) return reject(res, refused);
        (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
        inner(req, res);
      })
      .catch(() => reject(res, 'unreadable body', 400));
  };
};
