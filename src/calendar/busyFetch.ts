/**
 * Fetches a busy calendar's text with undici, within limits that keep `/slots add` and the reminder job
 * quick whatever the other server does: one deadline for everything (every redirect hop and the whole
 * body), a size cap (refused from Content-Length when it says so, and aborted as soon as the body passes
 * it), and a few redirects, each new address checked against the same https/localhost rule as the one the
 * supporter gave (src/domain/busy.ts). Never logs: the address is a secret.
 */
import { request } from 'undici';
import { type BusyProblem, checkBusyUrl } from '../domain/busy.js';

export type FetchLimits = { timeoutMs: number; maxBytes: number; maxRedirects: number };
export type FetchedText = { ok: true; text: string } | { ok: false; problem: BusyProblem; status?: number };

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  timeoutMs: 5000,
  maxBytes: 2 * 1024 * 1024,
  maxRedirects: 3,
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class TooLarge extends Error {}

/** Drops a body we won't read; its abort error has a listener, so it is no unhandled error. */
const discard = (body: { on: (e: 'error', f: () => void) => unknown; destroy: () => unknown }) => {
  body.on('error', () => {});
  body.destroy();
};

const readCapped = async (body: AsyncIterable<Buffer>, maxBytes: number): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};

export const fetchCalendarText = async (
  url: string,
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
): Promise<FetchedText> => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let current = url;
    for (let hop = 0; ; hop++) {
      const res = await request(current, {
        method: 'GET',
        signal: controller.signal,
        headers: { accept: 'text/calendar, text/plain;q=0.9, */*;q=0.5', 'user-agent': 'supporter-desk' },
      });
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode) && typeof location === 'string') {
        discard(res.body);
        if (hop >= limits.maxRedirects) return { ok: false, problem: 'too_many_redirects' };
        const next = checkBusyUrl(new URL(location, current).href);
        if (!next.ok) return { ok: false, problem: 'bad_redirect' };
        current = next.url;
        continue;
      }
      if (res.statusCode < 200 || res.statusCode > 299) {
        discard(res.body);
        return { ok: false, problem: 'http_status', status: res.statusCode };
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        discard(res.body);
        return { ok: false, problem: 'too_large' };
      }
      try {
        return { ok: true, text: await readCapped(res.body, limits.maxBytes) };
      } catch (err) {
        discard(res.body);
        throw err;
      }
    }
  } catch (err) {
    if (err instanceof TooLarge) return { ok: false, problem: 'too_large' };
    if (controller.signal.aborted) return { ok: false, problem: 'timeout' };
    return { ok: false, problem: 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
};
