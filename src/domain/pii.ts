/**
 * Personal-data guard for advice posts: finds a client's e-mail address, Japanese phone number,
 * 〒 postal code or social-profile URL in free text, and — given a morphological analyser — a person's
 * name (./personNames.ts). Matching runs on an NFKC-normalised copy (for the patterns, dashes and the
 * long-vowel mark count as hyphens; the analyser reads plain NFKC, so `ドラッカー` stays a word); findings
 * report the fragment exactly as the user typed it.
 */
import { findPersonNames, type MorphAnalyzer } from './personNames.js';

export type PiiKind = 'email' | 'phone' | 'postal' | 'social_url' | 'person_name';

export interface PiiFinding {
  kind: PiiKind;
  /** The exact substring of the input, so the message can say which part to remove. */
  fragment: string;
}

interface Span {
  kind: PiiKind;
  /** Offsets into the normalised text (end exclusive). */
  start: number;
  end: number;
}

interface Normalized {
  text: string;
  /** For each normalised UTF-16 unit: the original [start, end) of the code point it came from. */
  origStart: number[];
  origEnd: number[];
}

/** Hyphen look-alikes (incl. ー and full-width minus) that people type inside phone and postal numbers. */
const DASH_LIKE = /[\u2010-\u2015\u2212\u2E3A\u2E3B\u30FC\uFE58\uFE63\uFF0D\uFF70]/;

const normalizeChar = (ch: string): string => (DASH_LIKE.test(ch) ? '-' : ch.normalize('NFKC'));
const nfkc = (ch: string): string => ch.normalize('NFKC');

/**
 * A code point with the (half-width or combining) voiced sound marks after it, so NFKC composes
 * `ｼﾞ` into `ジ` as the analyser expects.
 */
const UNIT_RE = /[\s\S][\uFF9E\uFF9F\u3099\u309A]*/gu;

/** NFKC unit by unit (see UNIT_RE), so every normalised index maps back to an original range. */
export const normalizeWithMap = (
  input: string,
  mapChar: (ch: string) => string = normalizeChar,
): Normalized => {
  let text = '';
  const origStart: number[] = [];
  const origEnd: number[] = [];
  let offset = 0;
  for (const [ch] of input.matchAll(UNIT_RE)) {
    const norm = mapChar(ch);
    for (let i = 0; i < norm.length; i++) {
      origStart.push(offset);
      origEnd.push(offset + ch.length);
    }
    text += norm;
    offset += ch.length;
  }
  return { text, origStart, origEnd };
};

// ---------------------------------------------------------------------------------------------------
// E-mail

/** Starts only where a run of local-part characters starts, which keeps the scan linear. */
const EMAIL_RE = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

const findEmails = (text: string): Span[] =>
  [...text.matchAll(EMAIL_RE)].map((m) => ({ kind: 'email', start: m.index, end: m.index + m[0].length }));

// ---------------------------------------------------------------------------------------------------
// Phone

/**
 * A candidate: `+81` or a leading 0 (optionally in parentheses), then up to five digit groups joined by
 * one separator (hyphen, dot, space, or parentheses as in `03(1234)5678`). Not preceded by a digit, `/`,
 * `#`, or a digit plus separator (dates, times, URL paths, slot ids).
 */
const PHONE_START = String.raw`(?<![\d/#])(?<!\d[-.:/,])(?:\+81[-. ]?(?:\(0\)[-. ]?)?\(?|\(?(?=0))`;
const PHONE_SEPARATOR = String.raw`(?:[-. ]?\(|\)[-. ]?|[-. ])`;
const PHONE_CANDIDATE_RE = new RegExp(String.raw`${PHONE_START}\d+(?:${PHONE_SEPARATOR}\d+){0,4}\)?`, 'g');

const GROUP_RE = /\d+/g;

const NATIONAL_PATTERNS: readonly RegExp[] = [
  /^0[789]0\d{8}$/, // mobile
  /^050\d{8}$/, // IP phone
  /^0120\d{6}$/, // toll-free
  /^0800\d{7}$/, // toll-free
  /^0(?![5789]0)[1-9]\d{8}$/, // landline: area code (incl. 0) 2–5 digits, 10 digits in all
];

const toNational = (international: boolean, digits: string): string => {
  if (!international) return digits;
  const rest = digits.slice(2); // drop the country code 81
  return rest.startsWith('0') ? rest : `0${rest}`;
};

export const isJapanesePhoneNumber = (national: string): boolean =>
  NATIONAL_PATTERNS.some((re) => re.test(national));

/**
 * The longest prefix (in whole digit groups) of a candidate that is a valid number, as an end offset
 * relative to the candidate, or undefined. Prefixes matter for `090 1234 5678 2026年…`.
 */
const validPhoneEnd = (candidate: string): number | undefined => {
  const international = candidate.startsWith('+');
  const groups = [...candidate.matchAll(GROUP_RE)];
  for (let n = groups.length; n >= 1; n--) {
    const digits = groups
      .slice(0, n)
      .map((g) => g[0])
      .join('');
    if (!isJapanesePhoneNumber(toNational(international, digits))) continue;
    const last = groups[n - 1]!;
    const end = last.index + last[0].length;
    const closesParen =
      candidate[end] === ')' && candidate.lastIndexOf('(', end) > candidate.lastIndexOf(')', end - 1);
    return closesParen ? end + 1 : end;
  }
  return undefined;
};

/** Candidates are scanned with a manual cursor: after a rejected one, the next position is retried. */
const findPhones = (text: string): Span[] => {
  const spans: Span[] = [];
  const re = new RegExp(PHONE_CANDIDATE_RE.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = validPhoneEnd(m[0]);
    const afterwards = end === undefined ? '' : text.slice(m.index + end, m.index + end + 2);
    if (end === undefined || /^(?:\d|[-.]\d)/.test(afterwards)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    spans.push({ kind: 'phone', start: m.index, end: m.index + end });
    re.lastIndex = m.index + end;
  }
  return spans;
};

// ---------------------------------------------------------------------------------------------------
// Postal code

/** `〒150-0001`, `〒 1500001`; or digits after the word 郵便番号 (then only the digits are reported). */
const POSTAL_MARK_RE = /〒[ ]?\d{3}-?\d{4}(?!\d)/g;
const POSTAL_WORD_RE = /(?<=郵便番号[ ]?[:]?[ ]?)\d{3}-?\d{4}(?!\d)/g;

const findPostalCodes = (text: string): Span[] =>
  [...text.matchAll(POSTAL_MARK_RE), ...text.matchAll(POSTAL_WORD_RE)].map((m) => ({
    kind: 'postal',
    start: m.index,
    end: m.index + m[0].length,
  }));

// ---------------------------------------------------------------------------------------------------
// Social-profile URLs

/** Host plus the path prefix that leads to a profile; the profile name must follow. */
const SOCIAL_PREFIX =
  '(?:twitter\\.com|x\\.com|facebook\\.com|fb\\.com|instagram\\.com|threads\\.(?:net|com)|note\\.com)/@?' +
  '|linkedin\\.com/in/|tiktok\\.com/@|youtube\\.com/(?:@|c/|channel/|user/)';

const SOCIAL_URL_RE = new RegExp(
  `(?<![\\w.@/-])(?:https?://)?(?:(?:www|m|mobile|[a-z]{2})\\.)?(?:${SOCIAL_PREFIX})` +
    "([\\w%-][\\w.%-]*)(?:[/?#][\\w.~%@+\\-/?=&#:;!$*',]*)?",
  'gi',
);

/** First path segments that are site pages, not somebody's profile. */
const NON_PROFILE_SEGMENTS: ReadonlySet<string> = new Set([
  'home',
  'search',
  'explore',
  'hashtag',
  'intent',
  'share',
  'sharer',
  'login',
  'signup',
  'help',
  'settings',
  'i',
]);

const trimUrlEnd = (url: string): string => url.replace(/[.,:;!?'*)]+$/, '');

const findSocialUrls = (text: string): Span[] => {
  const spans: Span[] = [];
  for (const m of text.matchAll(SOCIAL_URL_RE)) {
    const segment = (m[1] ?? '').replace(/\.+$/, '').toLowerCase();
    if (segment === '' || NON_PROFILE_SEGMENTS.has(segment)) continue;
    spans.push({ kind: 'social_url', start: m.index, end: m.index + trimUrlEnd(m[0]).length });
  }
  return spans;
};

// ---------------------------------------------------------------------------------------------------
// Public API

const PATTERN_DETECTORS: readonly ((text: string) => Span[])[] = [
  findEmails,
  findSocialUrls,
  findPostalCodes,
  findPhones,
];

/** Offsets into the original input (end exclusive), so spans found on different normalisations compare. */
type Found = { kind: PiiKind; start: number; end: number };

const toOriginal = (norm: Normalized, span: Span): Found => ({
  kind: span.kind,
  start: norm.origStart[span.start]!,
  end: norm.origEnd[span.end - 1]!,
});

const findNames = (input: string, analyzer: MorphAnalyzer): Found[] => {
  const norm = normalizeWithMap(input, nfkc);
  return findPersonNames(analyzer.tokenize(norm.text))
    .filter((s) => s.end > s.start)
    .map((s) => toOriginal(norm, { kind: 'person_name', ...s }));
};

/** Sort by position (longer first on ties) and drop spans overlapping an earlier one. */
const resolveOverlaps = (spans: Found[]): Found[] => {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const span of sorted) {
    const previous = kept[kept.length - 1];
    if (previous === undefined || span.start >= previous.end) kept.push(span);
  }
  return kept;
};

/**
 * Every personal-data finding, in text order, without overlaps. Names are looked for only when an
 * analyser is given (the pattern kinds alone need none).
 */
export const findAllPersonalData = (text: string, analyzer?: MorphAnalyzer): PiiFinding[] => {
  const norm = normalizeWithMap(text);
  const patterns = PATTERN_DETECTORS.flatMap((detect) => detect(norm.text))
    .filter((s) => s.end > s.start)
    .map((s) => toOriginal(norm, s));
  const names = analyzer ? findNames(text, analyzer) : [];
  return resolveOverlaps([...patterns, ...names]).map((f) => ({
    kind: f.kind,
    fragment: text.slice(f.start, f.end),
  }));
};

/** The first personal-data finding in text order, or undefined when the text looks clean. */
export const findPersonalData = (text: string, analyzer?: MorphAnalyzer): PiiFinding | undefined =>
  findAllPersonalData(text, analyzer)[0];
