/**
 * The calendar panel's back end: the acting user's feed link as the app gives it (`calendarUrlOf`, the
 * same read the Home uses; it never makes a link — `/supporter calendar` does), the feed fetched over
 * HTTP from the app's own route exactly as a calendar app would, and its VEVENTs read back for display.
 */
import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import { calendarUrlOf } from '../src/usecases/calendarFeed.js';
import type { RunningApp } from './app-host.js';
import { HttpError, requireString } from './http.js';
import type { CalendarEvent, CalendarRequest, CalendarResult } from './shared/types.js';

const FEED_PATH = /^\/calendar\/[A-Za-z0-9_-]+\.ics$/;

/** GET on the app's port for a feed link's path (only feed paths: this is no general proxy). */
const fetchFeed = async (app: RunningApp, url: string): Promise<{ status: number; text: string }> => {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    throw new HttpError(400, `not a URL: ${url}`);
  }
  if (!FEED_PATH.test(path)) throw new HttpError(400, `not a calendar feed link: ${url}`);
  const res = await fetch(`http://127.0.0.1:${app.port}${path}`);
  return { status: res.status, text: await res.text() };
};

type Time = InstanceType<typeof ICAL.Time>;

/**
 * A DATE as its ISO date; a DATE-TIME as an ISO instant: UTC and VTIMEZONE-defined zones by ical.js, a
 * floating time (or a TZID the file does not define) as wall-clock time in that TZID, else in `zone`.
 */
const isoOf = (t: Time, tzid: unknown, zone: string): string => {
  if (t.isDate) return DateTime.fromObject({ year: t.year, month: t.month, day: t.day }).toISODate()!;
  const floating = !t.zone || t.zone === ICAL.Timezone.localTimezone || t.zone.tzid === 'floating';
  if (!floating) return new Date(t.toUnixTime() * 1000).toISOString();
  const where = typeof tzid === 'string' && IANAZone.isValidZone(tzid) ? tzid : zone;
  const { year, month, day, hour, minute, second } = t;
  return DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: where }).toUTC().toISO()!;
};

/** The feed's events, in its order, read with ical.js (the parser the busy-time check uses). */
export const parseEvents = (ics: string, zone: string): CalendarEvent[] => {
  const root = new ICAL.Component(ICAL.parse(ics) as unknown as unknown[]);
  return root.getAllSubcomponents('vevent').flatMap((c) => {
    const start = c.getFirstProperty('dtstart');
    if (!start) return [];
    const end = c.getFirstProperty('dtend');
    const startTime = start.getFirstValue() as Time;
    return [
      {
        uid: String(c.getFirstPropertyValue('uid') ?? ''),
        start: isoOf(startTime, start.getParameter('tzid'), zone),
        end: end ? isoOf(end.getFirstValue() as Time, end.getParameter('tzid'), zone) : null,
        allDay: startTime.isDate,
        summary: String(c.getFirstPropertyValue('summary') ?? ''),
        status: String(c.getFirstPropertyValue('status') ?? ''),
      },
    ];
  });
};

export const calendarPanel = async (app: RunningApp, req: CalendarRequest): Promise<CalendarResult> => {
  const user = requireString(req.user, 'user');
  // A `/supporter calendar` just sent is acked before its link is stored: read after it has run.
  await app.built.settled();
  const url = (await calendarUrlOf({ db: app.database.db, config: app.config }, user)) ?? null;
  const previous =
    typeof req.previous === 'string' && req.previous && req.previous !== url
      ? { url: req.previous, status: (await fetchFeed(app, req.previous)).status }
      : undefined;
  if (!url) return { url, events: [], raw: '', ...(previous ? { previous } : {}) };
  const feed = await fetchFeed(app, url);
  const events = feed.status === 200 ? parseEvents(feed.text, app.config.timezone) : [];
  return { url, status: feed.status, events, raw: feed.text, ...(previous ? { previous } : {}) };
};
