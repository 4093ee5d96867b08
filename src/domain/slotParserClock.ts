/**
 * Reading the time of a `/slots add` entry: one clock (`19:00`, `19時半`, `7pm`, `PM7:00`, `午後7時`, `夜7時`,
 * `朝10時`, `正午`) or a range (`19:00-20:30`, `19時〜20時半まで`, `19-20時`, `23:00-0:30`), or a start with a
 * bare `から`/`〜` ("from"). Values are not checked here; `slotParserTime.ts` does that.
 */
import {
  type Clock,
  type Hit,
  type Meridiem,
  matchAt,
  num,
  sticky,
  type TimeToken,
  type Unwritten,
} from './slotParserTokens.js';
import { RANGE_SEP } from './slotParserVocabulary.js';

const JA_MERIDIEM_WORDS: Record<string, Meridiem> = {
  午前: '午前',
  午後: '午後',
  朝: '朝',
  昼: '昼',
  夕方: '夕方',
  夕: '夕方',
  夜: '夜',
  晩: '夜',
};

const C_JA_MERIDIEM = sticky(
  String.raw`(午前|午後|夕方|朝|昼|夕|夜|晩)\s*(\d{1,2})(?::(\d{2})(?!\d)|時(?!間)(?:(\d{1,2})分?|(半))?)`,
);
const C_NOON = sticky('(正午|昼12時|noon)(?![a-z])');
const C_COLON = sticky(String.raw`(\d{1,2}):(\d{2})(?!\d)(?:\s*([ap])\.?m\.?(?![a-z]))?`);
const C_JI = sticky(String.raw`(\d{1,2})時(?!間)(?:(\d{1,2})分?|(半))?`);
const C_AMPM = sticky(String.raw`(\d{1,2})\s*([ap])\.?m\.?(?![a-z])`);
/** `PM7:00`, `pm 7`, `AM10:30`: the marker before the time, as in Japanese mail. */
const C_AMPM_BEFORE = sticky(String.raw`([ap])\.?m\.?\s*(\d{1,2})(?::(\d{2}))?(?![\d:])`);

const enMeridiem = (letter: string | undefined): Meridiem | undefined => {
  if (!letter) return undefined;
  return letter.toLowerCase() === 'a' ? 'am' : 'pm';
};

const jiMinute = (digits: string | undefined, half: string | undefined): number => (half ? 30 : num(digits));

/** One clock time at `pos`. */
export const readClock = (s: string, pos: number): Hit<Clock> | undefined => {
  const clock = (m: RegExpExecArray, value: Clock) => ({ value, end: pos + m[0].length });
  let m = matchAt(C_NOON, s, pos);
  if (m) return clock(m, { hour: 12, minute: 0, meridiem: undefined, style: 'word' });
  m = matchAt(C_JA_MERIDIEM, s, pos);
  if (m) {
    const minute = m[3] !== undefined ? num(m[3]) : jiMinute(m[4], m[5]);
    const meridiem = JA_MERIDIEM_WORDS[m[1] ?? ''] ?? '午後';
    return clock(m, { hour: num(m[2]), minute, meridiem, style: 'ja-meridiem' });
  }
  m = matchAt(C_AMPM_BEFORE, s, pos);
  if (m) return clock(m, { hour: num(m[2]), minute: num(m[3]), meridiem: enMeridiem(m[1]), style: 'ampm' });
  m = matchAt(C_COLON, s, pos);
  if (m) return clock(m, { hour: num(m[1]), minute: num(m[2]), meridiem: enMeridiem(m[3]), style: 'colon' });
  m = matchAt(C_JI, s, pos);
  if (m) return clock(m, { hour: num(m[1]), minute: jiMinute(m[2], m[3]), meridiem: undefined, style: 'ji' });
  m = matchAt(C_AMPM, s, pos);
  if (m) return clock(m, { hour: num(m[1]), minute: 0, meridiem: enMeridiem(m[2]), style: 'ampm' });
  return undefined;
};

const R_SEP = sticky(RANGE_SEP);
const R_UNTIL = sticky(String.raw`\s*まで`);
const R_FROM = sticky(String.raw`\s*(?:から|[~〜])`);
const R_BARE_START = sticky(`(\\d{1,2})${RANGE_SEP}`);

/** After a start clock: `-20:30` / `〜20時半まで`, or a bare `から` / `〜` meaning "from". */
const readRangeEnd = (s: string, pos: number): Hit<Clock | undefined> => {
  const sep = matchAt(R_SEP, s, pos);
  const end = sep ? readClock(s, pos + sep[0].length) : undefined;
  if (end) {
    const until = matchAt(R_UNTIL, s, end.end);
    return { value: end.value, end: end.end + (until ? until[0].length : 0) };
  }
  const from = matchAt(R_FROM, s, pos);
  return { value: undefined, end: pos + (from ? from[0].length : 0) };
};

/** `19-20時`, `7-8pm`: a bare start hour takes its form from the end (never `19-20` or `19-20:30`). */
const readBareStartRange = (s: string, pos: number): Hit<Unwritten<TimeToken>> | undefined => {
  const m = matchAt(R_BARE_START, s, pos);
  const end = m ? readClock(s, pos + m[0].length) : undefined;
  if (!m || !end || (end.value.style === 'colon' && end.value.meridiem === undefined)) return undefined;
  const start: Clock = { hour: num(m[1]), minute: 0, meridiem: undefined, style: end.value.style };
  const until = matchAt(R_UNTIL, s, end.end);
  return { value: { kind: 'time', start, end: end.value }, end: end.end + (until ? until[0].length : 0) };
};

export const readTime = (s: string, pos: number): Hit<Unwritten<TimeToken>> | undefined => {
  const bare = readBareStartRange(s, pos);
  if (bare) return bare;
  const start = readClock(s, pos);
  if (!start) return undefined;
  const range = readRangeEnd(s, start.end);
  return { value: { kind: 'time', start: start.value, end: range.value }, end: range.end };
};
