/**
 * The BusyCalendar the app uses (src/domain/busy.ts): busyFetch.ts + icsBusy.ts behind a per-process
 * cache keyed by URL. A calendar read is kept 15 minutes (CACHE_TTL_MS), so a supporter adding slots one
 * entry at a time asks their calendar server once; a failure is kept 1 minute (FAILURE_TTL_MS), so a
 * server that hangs costs one 5 s wait, not one per command, and a fixed address is read again soon.
 * Ages come from the `now` each call is given, never from a clock of its own; a `now` before the entry
 * (a clock moved back) counts as stale. Two lookups of one URL at once share one fetch.
 */
import type { BusyCalendar, BusyLookup, BusyProblem } from '../domain/busy.js';
import { DEFAULT_FETCH_LIMITS, type FetchLimits, fetchCalendarText } from './busyFetch.js';
import { busyIntervals, type ParsedCalendar, readCalendar } from './icsBusy.js';

export const CACHE_TTL_MS = 15 * 60_000;
export const FAILURE_TTL_MS = 60_000;
/** Entries kept at most (the oldest go first): one per supporter who set a calendar, in practice. */
const MAX_ENTRIES = 1000;

type Read = { ok: true; calendar: ParsedCalendar } | { ok: false; problem: BusyProblem; status?: number };
type Entry = { atMs: number; read: Read };

export type BusyCalendarOptions = Partial<FetchLimits> & { ttlMs?: number; failureTtlMs?: number };

const readUrl = async (url: string, limits: FetchLimits): Promise<Read> => {
  const fetched = await fetchCalendarText(url, limits);
  if (!fetched.ok) return fetched;
  const calendar = readCalendar(fetched.text);
  return calendar ? { ok: true, calendar } : { ok: false, problem: 'not_calendar' };
};

export const createBusyCalendar = (options: BusyCalendarOptions = {}): BusyCalendar => {
  const limits: FetchLimits = { ...DEFAULT_FETCH_LIMITS, ...options };
  const ttl = (read: Read) =>
    read.ok ? (options.ttlMs ?? CACHE_TTL_MS) : (options.failureTtlMs ?? FAILURE_TTL_MS);
  const cache = new Map<string, Entry>();
  const pending = new Map<string, Promise<Read>>();

  const fresh = (url: string, nowMs: number): Read | undefined => {
    const entry = cache.get(url);
    if (!entry) return undefined;
    const age = nowMs - entry.atMs;
    return age >= 0 && age < ttl(entry.read) ? entry.read : undefined;
  };

  const fetchOnce = (url: string, nowMs: number): Promise<Read> => {
    const running = pending.get(url);
    if (running) return running;
    const p = readUrl(url, limits)
      .then((read) => {
        cache.delete(url);
        cache.set(url, { atMs: nowMs, read });
        while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
        return read;
      })
      .finally(() => pending.delete(url));
    pending.set(url, p);
    return p;
  };

  return {
    busyBetween: async (url, window, zone, now): Promise<BusyLookup> => {
      const read = fresh(url, now.getTime()) ?? (await fetchOnce(url, now.getTime()));
      if (!read.ok) return read;
      try {
        return { ok: true, busy: busyIntervals(read.calendar, window, zone) };
      } catch {
        return { ok: false, problem: 'not_calendar' };
      }
    },
    forget: (url) => {
      cache.delete(url);
    },
  };
};
