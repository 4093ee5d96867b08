/**
 * Advice nudges: which consultations are due one, and who gets it. Pure: the candidates and their load
 * come in, the decision goes out (the advice-nudges job and the nudges repository do the I/O).
 *
 * A consultation nobody else has answered within `nudgeHours` of posting, or within 24 h of its session,
 * is due. Its nudge goes to up to MAX_NUDGED supporters whose expertise matches its tags (never the asker,
 * not away that month — the caller's candidates already exclude the asker and those who left), fewest
 * recent nudges first so the load spreads, ties by id; nobody matching means a bump in its thread (BUMP).
 */
import { DateTime } from 'luxon';
import { toUtcIso } from './calendar.js';
import { tagKey } from './tags.js';

export const MAX_NUDGED = 3;
/** The recipient recorded for "nobody matches: bump the thread". */
export const BUMP = '#bump';
/** Recent nudges (of this many days) count toward a supporter's load. */
export const LOAD_WINDOW_DAYS = 30;
/** A consultation whose session starts within this many hours is due whatever its age. */
export const SESSION_SOON_HOURS = 24;

export type NudgeWindow = {
  /** Due when posted at or before this instant… */
  postedBefore: string;
  /** …or when its session starts at or before this one. */
  sessionBefore: string;
  /** Nudges since this instant count toward the load. */
  loadSince: string;
};

export const nudgeWindow = (now: Date, nudgeHours: number): NudgeWindow => {
  const at = DateTime.fromJSDate(now);
  return {
    postedBefore: toUtcIso(at.minus({ hours: nudgeHours })),
    sessionBefore: toUtcIso(at.plus({ hours: SESSION_SOON_HOURS })),
    loadSince: toUtcIso(at.minus({ days: LOAD_WINDOW_DAYS })),
  };
};

export type ExpertCandidates = {
  /** The consultation's tags, as stored. */
  tags: readonly string[];
  /** Each (supporter, expertise tag) pair of the candidates. */
  expertise: ReadonlyArray<{ supporter_id: string; tag: string }>;
  /** Supporters away in the consultation's month. */
  away: ReadonlySet<string>;
  /** Recent nudges per supporter. */
  load: ReadonlyMap<string, number>;
};

/** The supporters to nudge (at most MAX_NUDGED); empty when nobody matches (then the thread is bumped). */
export const chooseExperts = (c: ExpertCandidates): string[] => {
  const tags = c.tags.map(tagKey);
  if (!tags.length) return [];
  const matching = [
    ...new Set(c.expertise.filter((e) => tags.includes(tagKey(e.tag))).map((e) => e.supporter_id)),
  ];
  return matching
    .filter((id) => !c.away.has(id))
    .sort((a, b) => (c.load.get(a) ?? 0) - (c.load.get(b) ?? 0) || a.localeCompare(b))
    .slice(0, MAX_NUDGED);
};
