/**
 * Calendar feeds (#22 item 3): a private subscription URL per supporter, `GET /calendar/<token>.ics`,
 * listing their open and booked slots from 30 days ago on and the study sessions they host or hold a seat
 * in. Booked slots read only "予約済み（初回 90分）": never the client's alias or topic.
 *
 * Calendar apps poll the URL and match events by UID; an event whose SEQUENCE grew replaces the old copy
 * (RFC 5545 §3.8.7.4, https://www.rfc-editor.org/rfc/rfc5545#section-3.8.7.4). UIDs are
 * `slot-<id>@supporter-desk` / `study-<id>@supporter-desk` and SEQUENCE is the minutes since the epoch of
 * the row's last change, so it only ever grows. A slot that is removed simply leaves the feed.
 */
import { randomBytes } from 'node:crypto';
import { createEvents, type EventAttributes } from 'ics';
import { feedSlots, saveToken, supporterOfToken, tokenOf } from '../db/repositories/calendarTokens.js';
import { studySessionsOfUser } from '../db/repositories/study.js';
import { displayNames } from '../db/repositories/supporters.js';
import type { UseCaseDeps } from '../deps.js';
import { toUtcIso } from '../domain/calendar.js';
import { planForMinutes } from '../domain/plans.js';
import { type Locale, messages } from '../i18n/index.js';
import { chosenLocale, rememberedSlackLocale } from './locales.js';
import { ICS_PRODUCT_ID, studyEvent } from './studyIcs.js';

/** How far back the feed reaches, so last month's sessions stay in the calendar. */
export const FEED_PAST_DAYS = 30;
/** 24 random bytes = 192 bits (≥ 128), as base64url: 32 URL-safe characters. */
const TOKEN_BYTES = 24;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

export const slotUid = (id: number): string => `slot-${id}@supporter-desk`;

/** SEQUENCE from a row's last change: minutes since the epoch (grows with every change, fits 32 bits). */
export const sequenceOf = (...isos: Array<string | null | undefined>): number =>
  Math.max(0, ...isos.filter((v): v is string => !!v).map((v) => Math.floor(Date.parse(v) / 60_000)));

export const isWellFormedToken = (token: string): boolean => TOKEN_PATTERN.test(token);

const newToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

export const feedUrl = (baseUrl: string, token: string): string => `${baseUrl}/calendar/${token}.ics`;

/** The supporter's feed link, if PUBLIC_BASE_URL is set and they made one (for the Home). */
export const calendarUrlOf = async (deps: UseCaseDeps, userId: string): Promise<string | undefined> => {
  const base = deps.config.publicBaseUrl;
  if (!base) return undefined;
  const token = await tokenOf(deps.db, userId);
  return token ? feedUrl(base, token) : undefined;
};

export type CalendarLink = { url: string; rotated: boolean } | { notConfigured: true };

/**
 * The supporter's feed link, made on first use; `reset` replaces the token (the old link answers 404).
 * Without PUBLIC_BASE_URL nothing is stored: there is no address to give.
 */
export const calendarLink = async (
  deps: UseCaseDeps,
  userId: string,
  reset: boolean,
  now: Date,
): Promise<CalendarLink> => {
  const base = deps.config.publicBaseUrl;
  if (!base) return { notConfigured: true };
  const existing = reset ? undefined : await tokenOf(deps.db, userId);
  if (existing) return { url: feedUrl(base, existing), rotated: false };
  const token = newToken();
  await saveToken(deps.db, userId, token, toUtcIso(now));
  return { url: feedUrl(base, token), rotated: reset };
};

const utc = (startIso: string, endIso: string) => ({
  start: Date.parse(startIso),
  startInputType: 'utc' as const,
  startOutputType: 'utc' as const,
  end: Date.parse(endIso),
  endInputType: 'utc' as const,
  endOutputType: 'utc' as const,
});

const feedLocale = async (deps: UseCaseDeps, userId: string): Promise<Locale> =>
  (await chosenLocale(deps, userId)) ??
  (await rememberedSlackLocale(deps, userId, deps.config.defaultLocale)) ??
  deps.config.defaultLocale;

/** `timestamp` (DTSTAMP) is accepted by the library's schema but missing from its types. */
type Event = EventAttributes & { timestamp: number };

/** The feed for `token` as iCalendar text; undefined for a token nobody holds (an old one included). */
export const calendarFeed = async (
  deps: UseCaseDeps,
  token: string,
  now: Date,
): Promise<string | undefined> => {
  if (!isWellFormedToken(token)) return undefined;
  const userId = await supporterOfToken(deps.db, token);
  if (!userId) return undefined;
  const fromIso = toUtcIso(new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000));
  const [locale, slots, studies, names] = await Promise.all([
    feedLocale(deps, userId),
    feedSlots(deps.db, userId, fromIso),
    studySessionsOfUser(deps.db, userId),
    displayNames(deps.db),
  ]);
  const m = messages(locale);
  const slotEvents: Event[] = slots.map((s) => ({
    ...utc(s.start_at, s.end_at),
    uid: slotUid(s.id),
    sequence: sequenceOf(s.updated_at, s.session_updated_at),
    title:
      s.status === 'booked'
        ? m.calendar.bookedSummary({
            plan: m.common.plan[s.plan ?? planForMinutes(s.minutes)] ?? '',
            minutes: s.minutes,
          })
        : m.calendar.openSummary({ minutes: s.minutes }),
    status: s.status === 'booked' ? 'CONFIRMED' : 'TENTATIVE',
    busyStatus: s.status === 'booked' ? 'BUSY' : 'TENTATIVE',
    timestamp: now.getTime(),
  }));
  const ctx = { m, locale, now, names };
  const studyEvents: Event[] = studies
    .filter((s) => s.end_at >= fromIso)
    .map((s) => ({ ...studyEvent(ctx, s), sequence: sequenceOf(s.updated_at) }));
  const events = [...slotEvents, ...studyEvents].sort(
    (a, b) => Number(a.start) - Number(b.start) || String(a.uid).localeCompare(String(b.uid)),
  );
  const { error, value } = createEvents(events, {
    productId: ICS_PRODUCT_ID,
    method: 'PUBLISH',
    calName: m.calendar.calName({}),
  });
  if (error || value == null) throw error ?? new Error('the ics library returned nothing');
  return value;
};
