/**
 * The calendar panel's back end: the acting user's feed link as the app gives it (`calendarUrlOf`, the
 * same read the Home uses; it never makes a link — `/supporter calendar` does), the feed fetched over
 * HTTP from the app's own route exactly as a calendar app would, and its VEVENTs read back for display.
 */
import { DateTime } from 'luxon';
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

/** RFC 5545 §3.1: a line starting with a space or tab continues the previous one. */
const unfold = (ics: string): string[] => ics.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);

/** §3.3.10/§3.3.12 escapes in TEXT values: \n, \, \; \\. */
const unescapeText = (v: string): string =>
  v.replace(/\\([nN,;\\])/g, (_m, c: string) => (/n/i.test(c) ? '\n' : c));

/** DATE-TIME (UTC `…Z`, or floating / TZID local time read in `zone`) or DATE, as ISO. */
const when = (value: string, params: string, zone: string): { iso: string; allDay: boolean } | null => {
  if (/VALUE=DATE(;|$)/.test(params) || /^\d{8}$/.test(value)) {
    const d = DateTime.fromFormat(value, 'yyyyMMdd');
    return d.isValid ? { iso: d.toISODate() ?? value, allDay: true } : null;
  }
  const tzid = /TZID=([^;:]+)/.exec(params)?.[1];
  const utc = value.endsWith('Z');
  const d = DateTime.fromFormat(value.replace(/Z$/, ''), "yyyyMMdd'T'HHmmss", {
    zone: utc ? 'utc' : (tzid ?? zone),
  });
  return d.isValid ? { iso: d.toUTC().toISO() ?? value, allDay: false } : null;
};

/** The feed's events, in its order. Enough of RFC 5545 for what the app serves (and any feed's basics). */
export const parseEvents = (ics: string, zone: string): CalendarEvent[] => {
  const events: CalendarEvent[] = [];
  let cur: Record<string, { value: string; params: string }> | undefined;
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT' && cur) {
      const start = cur.DTSTART && when(cur.DTSTART.value, cur.DTSTART.params, zone);
      const end = cur.DTEND && when(cur.DTEND.value, cur.DTEND.params, zone);
      if (start) {
        events.push({
          uid: cur.UID?.value ?? '',
          start: start.iso,
          end: end ? end.iso : null,
          allDay: start.allDay,
          summary: unescapeText(cur.SUMMARY?.value ?? ''),
          status: cur.STATUS?.value ?? '',
        });
      }
      cur = undefined;
    } else if (cur) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const [name = '', ...params] = line.slice(0, colon).split(';');
      cur[name.toUpperCase()] = { value: line.slice(colon + 1), params: params.join(';') };
    }
  }
  return events;
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
