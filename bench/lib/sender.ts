/**
 * An open-loop sender: request i leaves at t0 + i / rate whatever became of the earlier ones, so a slow
 * server cannot slow the sender down (a closed loop of connections, autocannon's model, sends the next
 * request only when a connection is free, and a stall then shows as fewer requests instead of as
 * latency). Requests go over an undici Pool of keep-alive connections; when every connection is busy a
 * request waits in the pool's queue, and that wait counts in its latency, as it would for Slack.
 * Times are on process.hrtime (µs, see ./stats.ts), comparable with the fake Slack child's.
 */
import { Pool } from 'undici';
import { nowUs } from './stats.js';

export type Outgoing = { body: string; headers: Record<string, string> };

export type Shot<T> = {
  /** What `next()` returned for this request. */
  item: T;
  /** When the request was handed to the pool (µs). */
  sentUs: number;
  /** How late that was against the schedule (ms): the sender's own delay, not the server's. */
  lateMs: number;
  /** When the whole response (the ack) had been read (µs). */
  ackUs?: number;
  status?: number;
  ackBody?: string;
  /** A transport error or timeout instead of a response. */
  error?: string;
};

export type OpenLoopOptions<T> = {
  url: string;
  rate: number;
  seconds: number;
  /** Upper bound on parallel connections (the pool opens them as needed). */
  connections: number;
  timeoutMs: number;
  /** The next request to send: built (and signed) at its send time. */
  next: () => { item: T; request: Outgoing };
};

/** Sends `rate * seconds` POSTs on schedule; resolves once every one has its response or error. */
export const sendOpenLoop = async <T>(o: OpenLoopOptions<T>): Promise<Array<Shot<T>>> => {
  const url = new URL(o.url);
  const pool = new Pool(url.origin, { connections: o.connections, pipelining: 1 });
  const total = Math.round(o.rate * o.seconds);
  const intervalMs = 1000 / o.rate;
  const shots: Array<Shot<T>> = [];
  const pending: Array<Promise<void>> = [];
  const fire = (lateMs: number) => {
    const { item, request } = o.next();
    const shot: Shot<T> = { item, sentUs: nowUs(), lateMs };
    shots.push(shot);
    const sent = pool
      .request({
        path: url.pathname,
        method: 'POST',
        headers: request.headers,
        body: request.body,
        headersTimeout: o.timeoutMs,
        bodyTimeout: o.timeoutMs,
      })
      .then(async (res) => {
        shot.ackBody = await res.body.text();
        shot.ackUs = nowUs();
        shot.status = res.statusCode;
      })
      .catch((err: unknown) => {
        shot.error = (err as { code?: string }).code ?? String(err);
      });
    pending.push(sent);
  };
  try {
    await new Promise<void>((resolve) => {
      const t0 = performance.now();
      let i = 0;
      const tick = () => {
        const now = performance.now();
        for (; i < total && t0 + i * intervalMs <= now; i += 1) fire(now - (t0 + i * intervalMs));
        if (i >= total) return resolve();
        setTimeout(tick, Math.max(0, t0 + i * intervalMs - performance.now()));
      };
      tick();
    });
    await Promise.all(pending);
  } finally {
    await pool.close();
  }
  return shots;
};
