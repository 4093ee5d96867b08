/**
 * iCalendar text → busy intervals, with Mozilla's ical.js (RFC 5545): recurring events expanded over the
 * window asked (RRULE, RDATE, EXDATE, and RECURRENCE-ID instances that move or cancel one occurrence),
 * TZID resolved through the file's own VTIMEZONE, UTC `Z` times, floating times and all-day dates read
 * in the supporter's zone (the app's, Asia/Tokyo by default).
 *
 * Not busy: STATUS:CANCELLED, TRANSP:TRANSPARENT ("show as free"; Google's default for all-day events)
 * and Outlook's X-MICROSOFT-CDO-BUSYSTATUS:FREE. Google's free/busy-only feeds (every event titled
 * "busy") need nothing special: no title is ever read. Nothing of ical.js leaves this file.
 */
import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import type { BusyInterval, Interval } from '../domain/busy.js';

type Component = InstanceType<typeof ICAL.Component>;
type Time = InstanceType<typeof ICAL.Time>;
type Event = InstanceType<typeof ICAL.Event>;

/** A parsed calendar, opaque outside src/calendar (cached by busyCalendar.ts, expanded per window). */
export type ParsedCalendar = { readonly root: Component };

/** Occurrences looked at per recurring event, at most: a daily event from years ago stays cheap. */
const MAX_OCCURRENCES = 20_000;
/** How far past the window a recurrence is followed, so an instance moved into the window is seen. */
const MOVED_INSTANCE_REACH_MS = 35 * 86_400_000;

/** The calendar in `text`, or undefined when it is not iCalendar (an HTML login page, JSON, …). */
export const readCalendar = (text: string): ParsedCalendar | undefined => {
  if (!/BEGIN:VCALENDAR/i.test(text.slice(0, 4096))) return undefined;
  try {
    const root = new ICAL.Component(ICAL.parse(text) as unknown as unknown[]);
    return root.name === 'vcalendar' ? { root } : undefined;
  } catch {
    return undefined;
  }
};

const isUtc = (t: Time): boolean => t.zone === ICAL.Timezone.utcTimezone || t.zone?.tzid === 'UTC';
const isFloating = (t: Time): boolean =>
  !t.zone || t.zone === ICAL.Timezone.localTimezone || t.zone.tzid === 'floating';

/**
 * An instant from an ical.js time: UTC and VTIMEZONE-defined zones by ical.js; a floating time, or a
 * TZID the file does not define (some exporters leave VTIMEZONE out), as wall-clock time in that TZID
 * when it is an IANA name, else in `zone`.
 */
const instantOf = (t: Time, tzid: string | undefined, zone: string): number => {
  if (isUtc(t) || !isFloating(t)) return t.toUnixTime() * 1000;
  const where = tzid && IANAZone.isValidZone(tzid) ? tzid : zone;
  return DateTime.fromObject(
    { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second },
    { zone: where },
  ).toMillis();
};

/** An all-day date (VALUE=DATE): the start of that local day in `zone`. */
const dayStartOf = (t: Time, zone: string): number =>
  DateTime.fromObject({ year: t.year, month: t.month, day: t.day }, { zone }).toMillis();

const textProp = (c: Component, name: string): string =>
  String(c.getFirstPropertyValue(name) ?? '')
    .trim()
    .toUpperCase();

/** Cancelled, "show as free", or Outlook's FREE: not busy. */
const isFree = (c: Component): boolean =>
  textProp(c, 'status') === 'CANCELLED' ||
  textProp(c, 'transp') === 'TRANSPARENT' ||
  textProp(c, 'x-microsoft-cdo-busystatus') === 'FREE';

const tzidOf = (c: Component, prop: 'dtstart' | 'dtend'): string | undefined => {
  const v = c.getFirstProperty(prop)?.getParameter('tzid');
  return typeof v === 'string' ? v : undefined;
};

/** One occurrence as a busy interval, or undefined when it is not busy. */
const intervalOf = (c: Component, start: Time, end: Time, zone: string): BusyInterval | undefined => {
  if (isFree(c)) return undefined;
  if (start.isDate) {
    const startMs = dayStartOf(start, zone);
    const endMs = end.isDate ? dayStartOf(end, zone) : instantOf(end, tzidOf(c, 'dtend'), zone);
    // DTEND is exclusive; a date with no DTEND (or a bad one) is that one day (RFC 5545 §3.6.1).
    return { startMs, endMs: endMs > startMs ? endMs : startMs + 86_400_000, allDay: true };
  }
  const startMs = instantOf(start, tzidOf(c, 'dtstart'), zone);
  const endMs = instantOf(end, tzidOf(c, 'dtend') ?? tzidOf(c, 'dtstart'), zone);
  return { startMs, endMs: Math.max(startMs, endMs), allDay: false };
};

const overlaps = (b: Interval, w: Interval) => b.startMs < w.endMs && w.startMs < b.endMs;

const expandRecurring = (event: Event, window: Interval, zone: string): BusyInterval[] => {
  const out: BusyInterval[] = [];
  const iterator = event.iterator();
  const tzid = tzidOf(event.component, 'dtstart');
  for (let i = 0; i < MAX_OCCURRENCES; i++) {
    const next = iterator.next();
    if (!next) break;
    const startMs = next.isDate ? dayStartOf(next, zone) : instantOf(next, tzid, zone);
    if (startMs >= window.endMs + MOVED_INSTANCE_REACH_MS) break;
    const d = event.getOccurrenceDetails(next);
    const busy = intervalOf(d.item.component, d.startDate, d.endDate, zone);
    if (busy && overlaps(busy, window)) out.push(busy);
  }
  return out;
};

/** The busy intervals of `calendar` overlapping `window`, by start. */
export const busyIntervals = (calendar: ParsedCalendar, window: Interval, zone: string): BusyInterval[] => {
  const vevents = calendar.root.getAllSubcomponents('vevent');
  const masters = new Map<string, Component>();
  for (const c of vevents) {
    if (!c.hasProperty('recurrence-id')) masters.set(String(c.getFirstPropertyValue('uid') ?? ''), c);
  }
  const exceptions = new Map<string, Component[]>();
  const out: BusyInterval[] = [];
  for (const c of vevents) {
    if (!c.hasProperty('recurrence-id')) continue;
    const uid = String(c.getFirstPropertyValue('uid') ?? '');
    if (masters.has(uid)) exceptions.set(uid, [...(exceptions.get(uid) ?? []), c]);
    else pushSingle(out, new ICAL.Event(c), window, zone); // an instance whose series is not in the feed
  }
  for (const [uid, c] of masters) {
    try {
      const event = new ICAL.Event(c, { exceptions: exceptions.get(uid) ?? [], strictExceptions: false });
      if (event.isRecurring()) out.push(...expandRecurring(event, window, zone));
      else pushSingle(out, event, window, zone);
    } catch {
      // One malformed event (a bad RRULE, a missing DTSTART) must not hide the others.
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
};

const pushSingle = (out: BusyInterval[], event: Event, window: Interval, zone: string) => {
  if (!event.component.hasProperty('dtstart')) return;
  const busy = intervalOf(event.component, event.startDate, event.endDate, zone);
  if (busy && overlaps(busy, window)) out.push(busy);
};
