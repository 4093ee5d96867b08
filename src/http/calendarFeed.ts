/**
 * `GET /calendar/<token>.ics`: a supporter's calendar feed (src/usecases/calendarFeed.ts), served by the
 * app's own HTTP server as a Bolt custom route (https://tools.slack.dev/bolt-js/concepts/custom-routes).
 *
 * 200 `text/calendar; charset=utf-8` (RFC 5545 §8.1, https://www.rfc-editor.org/rfc/rfc5545#section-8.1);
 * 404 for a token nobody holds (an old, reset one included) — the same answer as for a wrong path, so a
 * guess learns nothing; 429 with Retry-After (RFC 6585 §4) beyond RATE_LIMIT requests per token in
 * RATE_WINDOW_MS. The limiter is in this process's memory: with several instances each counts its own
 * share, which is fine for a limit meant to stop a runaway poller (calendar apps poll every few hours).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { UseCaseDeps } from '../deps.js';
import type { Logger } from '../logger.js';
import { calendarFeed } from '../usecases/calendarFeed.js';

export const CALENDAR_ROUTE = '/calendar/:file';
export const RATE_LIMIT = 30;
export const RATE_WINDOW_MS = 10 * 60_000;
/** Above this many tracked tokens, windows that have ended are forgotten (random guesses cannot pile up). */
const MAX_TRACKED = 10_000;

export type CalendarRouteDeps = UseCaseDeps & { logger: Logger; clock: () => Date };

/** A fixed window per key: at most `limit` hits per `windowMs`; answers the ms to wait when over. */
export class WindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** 0 when allowed (and counted), else how many ms until the key's window ends. */
  hit(key: string, nowMs: number): number {
    if (this.windows.size > MAX_TRACKED) this.sweep(nowMs);
    const w = this.windows.get(key);
    if (!w || nowMs - w.start >= this.windowMs) {
      this.windows.set(key, { start: nowMs, count: 1 });
      return 0;
    }
    if (w.count >= this.limit) return w.start + this.windowMs - nowMs;
    w.count += 1;
    return 0;
  }

  private sweep(nowMs: number) {
    for (const [k, w] of this.windows) if (nowMs - w.start >= this.windowMs) this.windows.delete(k);
  }
}

const notFound = (res: ServerResponse) => {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('not found\n');
};

/** The token of `/calendar/<token>.ics`, from Bolt's params or (Socket Mode's server) the path itself. */
const tokenOf = (req: IncomingMessage & { params?: Record<string, string> }): string | undefined => {
  const file =
    req.params?.file ??
    new URL(req.url ?? '/', 'http://localhost').pathname.match(/^\/calendar\/([^/]+)$/)?.[1];
  return file?.endsWith('.ics') ? file.slice(0, -'.ics'.length) : undefined;
};

const handle = async (
  deps: CalendarRouteDeps,
  limiter: WindowLimiter,
  req: IncomingMessage,
  res: ServerResponse,
) => {
  const token = tokenOf(req);
  if (!token) return notFound(res);
  const now = deps.clock();
  const waitMs = limiter.hit(token, now.getTime());
  if (waitMs > 0) {
    res.writeHead(429, {
      'content-type': 'text/plain; charset=utf-8',
      'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
    });
    res.end('too many requests; try again later\n');
    return;
  }
  const ics = await calendarFeed(deps, token, now);
  if (ics === undefined) return notFound(res);
  res.writeHead(200, {
    'content-type': 'text/calendar; charset=utf-8',
    'cache-control': 'private, max-age=300',
    'content-disposition': 'inline; filename="supporter-desk.ics"',
  });
  res.end(ics);
};

export const calendarFeedRoute = (deps: CalendarRouteDeps) => {
  const limiter = new WindowLimiter(RATE_LIMIT, RATE_WINDOW_MS);
  return {
    path: CALENDAR_ROUTE,
    method: ['GET'],
    handler: (req: IncomingMessage, res: ServerResponse) => {
      handle(deps, limiter, req, res).catch((err: unknown) => {
        deps.logger.error({ err }, 'calendar feed failed');
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end('something went wrong; try again later\n');
        }
      });
    },
  };
};
