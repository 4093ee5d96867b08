/**
 * Advice nudges: which consultations are due which step, and who gets it. Pure: the times, candidates
 * and their load come in, the decision goes out (the advice-nudges job and the nudges repository do I/O).
 *
 * The ladder follows the session's clock, for a consultation nobody else has answered yet:
 * - stage 1 at the earlier of posted + `nudgeHours` and halfway from posting to the session, never before
 *   posted + 1 h: DMs to up to MAX_NUDGED supporters whose expertise matches its tags (never the asker,
 *   not away that month — the caller's candidates already exclude the asker and those who left), fewest
 *   recent nudges first so the load spreads, ties by id; nobody matching means a bump in its thread (BUMP);
 * - stage 2 at session − 6 h: a bump in the thread mentioning up to MAX_MENTIONED more supporters (other
 *   expertise first, then those nudged least recently; never the asker or anyone nudged already);
 * - stage 3 at session − 2 h: the operators are told (a link, never the client's text).
 * The stages go in order: a later stage's time is never before an earlier one's (a question asked 3 h
 * before its session has all three due at once, at posted + 1.5 h). An answer stops the ladder (the
 * caller only asks about unanswered consultations); each stage fires once (the caller's ledger).
 */
import { DateTime } from 'luxon';
import { toUtcIso } from './calendar.js';
import { tagKey } from './tags.js';

export const MAX_NUDGED = 3;
/** Stage 2 mentions at most this many more supporters. */
export const MAX_MENTIONED = 5;
/** No step of the ladder fires within this many hours of posting (the asker just asked). */
export const MIN_WAIT_HOURS = 1;
/** Stage 2 fires this many hours before the session, stage 3 this many. */
export const STAGE2_HOURS_BEFORE = 6;
export const STAGE3_HOURS_BEFORE = 2;

export type Stage = 1 | 2 | 3;
export const STAGES: readonly Stage[] = [1, 2, 3];

/** When each stage of a consultation posted at `postedIso` for a session at `sessionIso` is due. */
export const stageTimes = (
  postedIso: string,
  sessionIso: string,
  nudgeHours: number,
): Record<Stage, Date> => {
  const posted = Date.parse(postedIso);
  const session = Date.parse(sessionIso);
  const hour = 3_600_000;
  const first = Math.max(
    posted + MIN_WAIT_HOURS * hour,
    Math.min(posted + nudgeHours * hour, (posted + session) / 2),
  );
  const second = Math.max(first, session - STAGE2_HOURS_BEFORE * hour);
  const third = Math.max(second, session - STAGE3_HOURS_BEFORE * hour);
  return { 1: new Date(first), 2: new Date(second), 3: new Date(third) };
};

/**
 * The stages due at `now` that have not fired yet, in order. None once the session has started (the
 * caller's query already leaves those out; this keeps the rule whole on its own).
 */
export const dueStages = (
  c: { postedIso: string; sessionIso: string },
  nudgeHours: number,
  now: Date,
  fired: ReadonlySet<Stage>,
): Stage[] => {
  if (now.getTime() >= Date.parse(c.sessionIso)) return [];
  const times = stageTimes(c.postedIso, c.sessionIso, nudgeHours);
  return STAGES.filter((s) => !fired.has(s) && times[s].getTime() <= now.getTime());
};

/** The recipient recorded for "nobody matches: bump the thread". */
export const BUMP = '#bump';
/** Recent nudges (of this many days) count toward a supporter's load. */
export const LOAD_WINDOW_DAYS = 30;

export type NudgeWindow = {
  /** Only consultations posted at or before this instant can be due anything (posted + 1 h). */
  postedBefore: string;
  /** Stage 2 and 3 can be due only for sessions starting at or before this instant. */
  sessionBefore: string;
  /** Nudges since this instant count toward the load. */
  loadSince: string;
};

export const nudgeWindow = (now: Date): NudgeWindow => {
  const at = DateTime.fromJSDate(now);
  return {
    postedBefore: toUtcIso(at.minus({ hours: MIN_WAIT_HOURS })),
    sessionBefore: toUtcIso(at.plus({ hours: STAGE2_HOURS_BEFORE })),
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

export type MentionCandidates = {
  tags: readonly string[];
  /** Every candidate (on the roster, not the asker), with their expertise tags (possibly none). */
  supporters: ReadonlyArray<{ id: string; tags: readonly string[] }>;
  away: ReadonlySet<string>;
  /** Anyone this consultation nudged already (stage 1), never mentioned again. */
  nudged: ReadonlySet<string>;
  /** When each supporter was last nudged (any consultation), ISO; absent: never. */
  lastNudged: ReadonlyMap<string, string>;
};

/**
 * Stage 2's mentions: up to MAX_MENTIONED supporters not nudged about it yet and not away, those with an
 * expertise other than the consultation's tags first (a fresh angle: the matching experts had stage 1),
 * then the rest; within each, those nudged least recently first (never nudged before anyone), ties by id.
 */
export const chooseMentions = (c: MentionCandidates): string[] => {
  const tags = new Set(c.tags.map(tagKey));
  const other = (s: { tags: readonly string[] }) => s.tags.some((t) => !tags.has(tagKey(t)));
  const rank = (s: { tags: readonly string[] }) => (other(s) ? 0 : 1);
  return c.supporters
    .filter((s) => !c.nudged.has(s.id) && !c.away.has(s.id))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (c.lastNudged.get(a.id) ?? '').localeCompare(c.lastNudged.get(b.id) ?? '') ||
        a.id.localeCompare(b.id),
    )
    .slice(0, MAX_MENTIONED)
    .map((s) => s.id);
};

/** Days over which the digest measures the time to a first answer and lists escalations. */
export const ANSWER_SPEED_DAYS = 30;

/** The median of the delays between posting and the first answer, in whole minutes (undefined: none). */
export const medianFirstAnswerMinutes = (
  rows: ReadonlyArray<{ postedIso: string; firstAnswerIso: string }>,
): number | undefined => {
  const delays = rows
    .map((r) => (Date.parse(r.firstAnswerIso) - Date.parse(r.postedIso)) / 60_000)
    .filter((d) => Number.isFinite(d))
    .map((d) => Math.max(0, d))
    .sort((a, b) => a - b);
  if (!delays.length) return undefined;
  const mid = Math.floor(delays.length / 2);
  const median = delays.length % 2 ? delays[mid]! : (delays[mid - 1]! + delays[mid]!) / 2;
  return Math.round(median);
};
