/**
 * Busy times from a supporter's main-job calendar (#22 item 4): the address rule, the interface the
 * calendar adapter (src/calendar) implements, and the clash checks. Pure: instants are epoch
 * milliseconds, `now` and the zone are arguments; no iCalendar parser type reaches this file.
 *
 * A clash is a warning, never a refusal: slots are stored anyway, and a message names the busy time only
 * (never the event's title or place — that is the supporter's employer's data).
 */
import { DateTime } from 'luxon';
import type { WeeklyPattern } from './suggestions.js';
import { zoneOf } from './zone.js';

/** [startMs, endMs): touching intervals do not overlap. */
export type Interval = { startMs: number; endMs: number };
/** A busy stretch; `allDay` for an event given as dates (the whole local day or days). */
export type BusyInterval = Interval & { allDay: boolean };

/** Why a calendar could not be read, in words the user can act on (src/i18n). */
export type BusyProblem =
  | 'timeout'
  | 'too_large'
  | 'http_status'
  | 'unreachable'
  | 'not_calendar'
  | 'bad_redirect'
  | 'too_many_redirects';

export type BusyLookup =
  | { ok: true; busy: BusyInterval[] }
  | { ok: false; problem: BusyProblem; status?: number };

/**
 * Reads a busy calendar (src/calendar/busyCalendar.ts). `busyBetween` never throws: a fetch or parse
 * failure is a `problem`. Floating times and all-day dates are read in `zone`. `now` drives its cache.
 */
export interface BusyCalendar {
  busyBetween(url: string, window: Interval, zone: string, now: Date): Promise<BusyLookup>;
  /** Drops what is cached for `url` (the next lookup fetches again). */
  forget(url: string): void;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type BusyUrlCheck = { ok: true; url: string } | { ok: false; reason: 'not_url' | 'scheme' };

/**
 * The busy-calendar address rule: https, or plain http for this machine only (localhost, 127.0.0.1,
 * [::1]). `webcal://` (how Apple and Outlook hand out subscription links) means https. Slack's `<url>` /
 * `<url|label>` link form is read as its URL. Checked when set and again on every redirect hop.
 */
export const checkBusyUrl = (text: string): BusyUrlCheck => {
  const raw = text.trim().replace(/^<([^|>]*)(?:\|[^>]*)?>$/, '$1');
  let url: URL;
  try {
    url = new URL(raw.replace(/^webcals?:\/\//i, 'https://'));
  } catch {
    return { ok: false, reason: 'not_url' };
  }
  if (!url.hostname) return { ok: false, reason: 'not_url' };
  if (url.protocol === 'https:') return { ok: true, url: url.href };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, url: url.href };
  return { ok: false, reason: 'scheme' };
};

/** `calendar.google.com/…`: enough to recognise the address, never its secret part. */
export const busyUrlHint = (url: string): string => {
  try {
    return `${new URL(url).host}/…`;
  } catch {
    return '…';
  }
};

export const overlapsInterval = (a: Interval, b: Interval): boolean =>
  a.startMs < b.endMs && b.startMs < a.endMs;

export type Clash<S extends Interval> = { slot: S; busy: BusyInterval[] };

/** Each slot that overlaps at least one busy interval, with those intervals (by start). */
export const clashes = <S extends Interval>(
  slots: readonly S[],
  busy: readonly BusyInterval[],
): Clash<S>[] => {
  const sorted = [...busy].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  return slots.flatMap((slot) => {
    const hits = sorted.filter((b) => overlapsInterval(slot, b));
    return hits.length ? [{ slot, busy: hits }] : [];
  });
};

/** The window a set of slots spans (undefined for none). */
export const spanOf = (slots: readonly Interval[]): Interval | undefined =>
  slots.length
    ? {
        startMs: Math.min(...slots.map((s) => s.startMs)),
        endMs: Math.max(...slots.map((s) => s.endMs)),
      }
    : undefined;

/** The length `/slots add 毎週火曜 20:00` gives a slot with no length: what a pasted suggestion becomes. */
export const SUGGESTION_MINUTES = 60;

/**
 * The slots a weekly pattern would add in `month` (YYYY-MM) after `now`, as `/slots add 毎週火曜 20:00`
 * would: every such weekday of the month at that local time, SUGGESTION_MINUTES long.
 */
export const patternSlots = (
  pattern: Pick<WeeklyPattern, 'weekday' | 'time'>,
  month: string,
  zone: string,
  now: Date,
): Array<Interval & { localDate: string }> => {
  const [hour, minute] = pattern.time.split(':').map(Number);
  const first = DateTime.fromISO(`${month}-01`, { zone: zoneOf(zone) });
  const out: Array<Interval & { localDate: string }> = [];
  for (let d = first; d.month === first.month; d = d.plus({ days: 1 })) {
    if (d.weekday !== pattern.weekday) continue;
    const start = d.set({ hour, minute, second: 0, millisecond: 0 });
    if (start.toMillis() <= now.getTime()) continue;
    out.push({
      startMs: start.toMillis(),
      endMs: start.plus({ minutes: SUGGESTION_MINUTES }).toMillis(),
      localDate: d.toFormat('yyyy-MM-dd'),
    });
  }
  return out;
};

/** The local dates (YYYY-MM-DD) on which a weekly pattern's slots in `month` would clash. */
export const patternClashDates = (
  pattern: Pick<WeeklyPattern, 'weekday' | 'time'>,
  month: string,
  zone: string,
  now: Date,
  busy: readonly BusyInterval[],
): string[] => clashes(patternSlots(pattern, month, zone, now), busy).map((c) => c.slot.localDate);

/** The local day bounds [00:00, next 00:00) of `localDate` (YYYY-MM-DD) in `zone`, as epoch ms. */
export const localDayStartMs = (localDate: string, zone: string): number =>
  DateTime.fromISO(localDate, { zone: zoneOf(zone) }).toMillis();
