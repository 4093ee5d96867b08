// @ts-check
/**
 * Checking that a request really comes from Slack: signature, timestamp window (either side), replays.
 * Plain JavaScript (type-checked by tsc) because the HTTP front's worker thread loads it, and Node 20
 * cannot load TypeScript in a worker (see ./worker.js). The guard in ../requestGuard.ts uses it too.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_WINDOW_SECONDS = 5 * 60;
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * @param {string} secret
 * @param {string} timestamp
 * @param {Buffer} body
 * @param {string} signature
 * @returns {boolean}
 */
export const isValidSignature = (secret, timestamp, body, signature) => {
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

/**
 * @typedef {object} VerifyOptions
 * @property {string} signingSecret
 * @property {() => number} [nowSeconds] Wall-clock seconds; injectable for tests.
 */

/**
 * Checks one buffered request: timestamp inside the window (either side), signature, not seen before.
 * The returned function gives why a request is refused, or undefined when it may go on (it is then
 * remembered, so the same request sent again is refused as a replay).
 * @param {VerifyOptions} opts
 * @returns {(headers: import('node:http').IncomingHttpHeaders, body: Buffer) => string | undefined}
 */
export const createRequestVerifier = (opts) => {
  /** @type {Map<string, number>} signature → until when it counts as seen */
  const seen = new Map();
  const now = opts.nowSeconds ?? (() => Math.floor(Date.now() / 1000));

  // Expired signatures are swept at most once a second, not on every request: at a steady load the map
  // holds minutes of traffic, and walking it per request would make each request pay for all of them.
  let sweptAt = 0;
  /** @param {number} t */
  const forget = (t) => {
    if (t === sweptAt) return;
    sweptAt = t;
    for (const [sig, until] of seen) if (until < t) seen.delete(sig);
  };

  return (headers, body) => {
    const timestamp = String(headers['x-slack-request-timestamp'] ?? '');
    const signature = String(headers['x-slack-signature'] ?? '');
    const t = now();
    const ts = Number(timestamp);
    if (!/^\d+$/.test(timestamp) || Math.abs(t - ts) > SIGNATURE_WINDOW_SECONDS) {
      return 'timestamp missing or outside the 5-minute window';
    }
    if (!signature || !isValidSignature(opts.signingSecret, timestamp, body, signature)) {
      return 'bad signature';
    }
    forget(t);
    if (seen.has(signature)) return 'replayed request';
    seen.set(signature, ts + SIGNATURE_WINDOW_SECONDS);
    return undefined;
  };
};

/**
 * The path a request asks for, or undefined when its target is not a URL at all (`GET //[ HTTP/1.1`):
 * `new URL` throws on those, and a throw in a request listener would take the whole process down.
 * @param {string | undefined} target
 * @returns {string | undefined}
 */
export const requestPath = (target) => {
  try {
    return new URL(target ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
};

/**
 * The body, or undefined once it exceeds `limit` bytes.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<Buffer | undefined>}
 */
export const readBody = (req, limit) =>
  new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (/** @type {Buffer} */ c) => {
      size += c.length;
      if (size > limit) tooLarge = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
