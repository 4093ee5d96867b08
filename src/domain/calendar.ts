/**
 * Pure calendar helpers: months (`YYYY-MM` in a zone), Japanese public holidays, weekday labels, the
 * canonical UTC instant format stored in the database and the short "when" label of a slot.
 * Nothing here reads the clock: `now` and the zone are always arguments.
 */
import holidayJp from '@holiday-jp/holiday_jp';
import { DateTime, type DateTimeOptions } from 'luxon';
import { zoneOf } from './zone.js';

/** ISO weekday (1 = Monday … 7 = Sunday) → label. Index 0 is unused. */
export const WEEKDAY_JA = ['', '月', '火', '水', '木', '金', '土', '日'] as const;
export const WEEKDAY_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const UTC_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'";
/** The shape `toUtcIso` writes, which is how every instant is stored. */
const CANONICAL_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// Formatting slots and months runs on every slash command and Home tab: the canonical stored shape takes a
// fast path (Date.parse, then the zone's remembered offset and Date's UTC fields) with no luxon DateTime
// built at all; any other string goes through luxon's ISO parser as before.
const toMillis = (instant: Date | string, isoOptions: DateTimeOptions = { setZone: true }): number =>
  typeof instant === 'string'
    ? CANONICAL_UTC.test(instant)
      ? Date.parse(instant)
      : DateTime.fromISO(instant, isoOptions).toMillis()
    : instant.getTime();

type LocalFields = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
};

/** The wall-clock fields of an instant in `zone` (weekday ISO: 1 = Monday … 7 = Sunday). */
const localFields = (ms: number, zone: string, what: string): LocalFields => {
  const offset = Number.isFinite(ms) ? zoneOf(zone).offset(ms) : Number.NaN;
  if (!Number.isFinite(offset)) throw new Error(`invalid ${what}: ${zone}`);
  const d = new Date(ms + offset * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay() || 7,
  };
};

const assertValid = (dt: DateTime, what: string): DateTime => {
  if (!dt.isValid) throw new Error(`invalid ${what}: ${dt.invalidExplanation ?? dt.invalidReason}`);
  return dt;
};

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const ymd = (f: LocalFields): string => `${String(f.year).padStart(4, '0')}-${pad2(f.month)}-${pad2(f.day)}`;
const hhmm = (f: LocalFields): string => `${pad2(f.hour)}:${pad2(f.minute)}`;

/** `2026-12-03T10:00:00.000Z`: always this exact shape so that stored instants compare as strings. */
export const toUtcIso = (date: Date | DateTime): string => {
  const dt = date instanceof Date ? DateTime.fromJSDate(date) : date;
  assertValid(dt, 'instant');
  const iso = new Date(dt.toMillis()).toISOString();
  return iso.length === 24 ? iso : dt.toUTC().toFormat(UTC_FORMAT); // years outside 0000–9999
};

/** The month (`YYYY-MM`) an instant falls in, seen from `zone`. */
export const monthOf = (instant: Date | string, zone: string): string =>
  ymd(localFields(toMillis(instant), zone, 'instant or zone')).slice(0, 7);

/** The local date (`YYYY-MM-DD`) an instant falls on, seen from `zone`. */
export const localDateOf = (instant: Date | string, zone: string): string =>
  ymd(localFields(toMillis(instant), zone, 'instant or zone'));

/** `2026-12`, `2026/12`, `2026.12`, `2026年12月` (full-width digits too) → `2026-12`; else undefined. */
export const parseMonth = (text: string): string | undefined => {
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:月)?$/.exec(text.normalize('NFKC').trim());
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return `${m[1]}-${String(month).padStart(2, '0')}`;
};

const monthStart = (month: string, zone: string): DateTime => {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) throw new Error(`invalid month: ${month}`);
  return assertValid(
    DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: 1 }, { zone: zoneOf(zone) }),
    'month',
  );
};

/** `2026-12` + 1 → `2027-01`; n may be negative. */
export const addMonths = (month: string, n: number): string =>
  monthStart(month, 'utc').plus({ months: n }).toFormat('yyyy-MM');

/** Month bounds never change; every standing asks for them. */
const knownBounds = new Map<string, { readonly startUtc: string; readonly endUtc: string }>();

/** The instants a local month spans in `zone`, as UTC ISO strings; `endUtc` is exclusive. */
export const monthBounds = (month: string, zone: string): { startUtc: string; endUtc: string } => {
  const key = `${zone} ${month}`;
  let bounds = knownBounds.get(key);
  if (!bounds) {
    const start = monthStart(month, zone);
    bounds = Object.freeze({ startUtc: toUtcIso(start), endUtc: toUtcIso(start.plus({ months: 1 })) });
    if (knownBounds.size >= 1000) knownBounds.clear();
    knownBounds.set(key, bounds);
  }
  return bounds;
};

/** Number of days in a `YYYY-MM` month. */
export const daysInMonth = (month: string): number => monthStart(month, 'utc').daysInMonth ?? 0;

const HOLIDAYS = holidayJp.holidays as Readonly<Record<string, { name: string } | undefined>>;

/** The Japanese public holiday on a local date (`YYYY-MM-DD`), e.g. `勤労感謝の日`; undefined otherwise. */
export const holidayName = (localDate: string): string | undefined => HOLIDAYS[localDate]?.name;

/** ISO weekday of a local date (`YYYY-MM-DD`): 1 = Monday … 7 = Sunday. */
export const isoWeekday = (localDate: string): number =>
  assertValid(DateTime.fromISO(localDate, { zone: 'utc' }), 'date').weekday;

/** "12/3(木)" / "Thu 12/3" (with the year when it is not now's): the one way a day is shown to users. */
const dayLabel = (start: LocalFields, zone: string, locale: 'ja' | 'en', now?: Date): string => {
  const holiday = holidayName(ymd(start)) !== undefined;
  const otherYear = now !== undefined && localFields(now.getTime(), zone, 'now').year !== start.year;
  const date = `${otherYear ? `${start.year}/` : ''}${start.month}/${start.day}`;
  if (locale === 'ja') return `${date}(${WEEKDAY_JA[start.weekday]})${holiday ? '(祝)' : ''}`;
  return `${WEEKDAY_EN[start.weekday]}${holiday ? ' (holiday)' : ''} ${date}`;
};

/**
 * ja `12/3(水) 19:00–20:00`, en `Wed 12/3 19:00–20:00`; `(祝)` / ` (holiday)` follows a holiday's weekday.
 * Given `now`, a slot in another year than now's shows its year (`2027/1/5(火) …`), so nobody misreads it.
 */
export const formatSlotWhen = (
  startUtcIso: string,
  minutes: number,
  zone: string,
  locale: 'ja' | 'en',
  now?: Date,
): string => {
  const startMs = toMillis(startUtcIso, { zone: 'utc' });
  const start = localFields(startMs, zone, 'slot start or zone');
  const end = localFields(startMs + minutes * 60_000, zone, 'slot end');
  return `${dayLabel(start, zone, locale, now)} ${hhmm(start)}–${hhmm(end)}`;
};

/** "12/3(木) 19:00": a start without an end, in the same format as formatSlotWhen. */
export const formatLocalStart = (
  startUtcIso: string,
  zone: string,
  locale: 'ja' | 'en',
  now?: Date,
): string => {
  const start = localFields(toMillis(startUtcIso, { zone: 'utc' }), zone, 'start or zone');
  return `${dayLabel(start, zone, locale, now)} ${hhmm(start)}`;
};

/** "12/3(木)": the local day of an instant, in the same format as formatSlotWhen. */
export const formatLocalDay = (instant: Date, zone: string, locale: 'ja' | 'en'): string =>
  dayLabel(localFields(instant.getTime(), zone, 'day or zone'), zone, locale);
