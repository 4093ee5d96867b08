/**
 * Expertise tags: one canonical (Japanese) tag per field, with ja/en synonyms, plus parsing of tag lists
 * (`/supporter expertise HR 採用, 派遣`) and of `#tags` inside `/consult` text. Unknown tags are kept as
 * typed (NFKC, trimmed, without `#`); tags are compared by `tagKey`.
 */
import type { Locale } from './locale.js';

export interface KnownTag {
  /** Canonical tag, as stored and shown in Japanese. */
  tag: string;
  /** English label. */
  en: string;
}

export const MAX_TAG_LENGTH = 30;

export const KNOWN_TAGS: readonly KnownTag[] = [
  { tag: '人事', en: 'HR' },
  { tag: '採用', en: 'Recruiting' },
  { tag: '人材紹介', en: 'Agency' },
  { tag: '派遣', en: 'Staffing' },
  { tag: 'フリーランス', en: 'Freelance' },
  { tag: 'キャリア教育', en: 'Career education' },
  { tag: '面接対策', en: 'Interview prep' },
  { tag: '職務経歴書', en: 'Resume' },
  { tag: '新卒', en: 'New graduates' },
  { tag: 'IT', en: 'IT' },
  { tag: '外資', en: 'Foreign companies' },
];

/** Synonyms per canonical tag, written as lookup keys (see `synonymKey`). */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  人事: ['hr', 'humanresources', '人事', '人事部'],
  採用: ['recruiting', 'recruitment', '採用', '採用担当'],
  人材紹介: [
    'agent',
    'agency',
    'recruitingagency',
    '転職エージェント',
    'エージェント',
    '人材紹介',
    '人材紹介会社',
  ],
  派遣: ['staffing', 'dispatch', '人材派遣', '派遣'],
  フリーランス: ['freelance', 'freelancer', 'フリーランス', '個人事業主'],
  キャリア教育: ['careereducation', 'キャリア教育'],
  面接対策: ['interview', 'interviewprep', '面接', '面接対策'],
  職務経歴書: ['resume', 'cv', 'レジュメ', '職務経歴書'],
  新卒: ['newgrad', 'newgraduates', '新卒', '新卒採用', '就活'],
  IT: ['it', 'it業界'],
  外資: ['foreign', 'foreigncompanies', '外資', '外資系'],
};

/** The key tags are compared by: NFKC + lowercase. */
export const tagKey = (tag: string): string => tag.normalize('NFKC').toLowerCase();

/** Synonym lookups also ignore spaces, hyphens and underscores (`Human Resources`, `interview-prep`). */
const synonymKey = (tag: string): string => tagKey(tag).replace(/[\s_-]+/g, '');

const CANONICAL_BY_SYNONYM: ReadonlyMap<string, string> = new Map(
  Object.entries(SYNONYMS).flatMap(([tag, synonyms]) => synonyms.map((s): [string, string] => [s, tag])),
);

/** Characters that never belong in a tag (Slack markup, control characters). */
const INVALID_TAG_CHARS = /[<>|\p{Cc}]/u;

/** Canonical tag for a raw tag, or undefined when it is empty, too long or contains Slack markup. */
export const normalizeTag = (raw: string): string | undefined => {
  const tag = raw.normalize('NFKC').trim().replace(/^#+/, '').trim().replace(/\s+/g, ' ');
  if (tag === '' || [...tag].length > MAX_TAG_LENGTH || INVALID_TAG_CHARS.test(tag)) return undefined;
  return CANONICAL_BY_SYNONYM.get(synonymKey(tag)) ?? tag;
};

/** Keep the first of each tag (by key), in order. */
const dedupeTags = (tags: readonly string[]): string[] => {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tagKey(tag);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const LIST_SEPARATORS = /[\s,，、・･]+/u;

/** Tags from a list such as `HR 採用, 派遣 #freelance` (spaces, commas, 、 and ・ separate). */
/**
 * The first word of a tag list that can't be a tag (too long, or Slack markup), so a command can refuse
 * the whole list instead of silently dropping it; undefined when every word is a tag.
 */
export const rejectedTag = (text: string): { word: string; reason: 'too_long' | 'invalid' } | undefined => {
  for (const raw of text.split(LIST_SEPARATORS)) {
    const word = raw.normalize('NFKC').trim().replace(/^#+/, '').trim();
    if (word === '' || normalizeTag(raw) !== undefined) continue;
    return { word, reason: [...word].length > MAX_TAG_LENGTH ? 'too_long' : 'invalid' };
  }
  return undefined;
};

export const parseTagList = (text: string): string[] =>
  dedupeTags(
    text
      .split(LIST_SEPARATORS)
      .map(normalizeTag)
      .filter((tag): tag is string => tag !== undefined),
  );

/**
 * A `#tag`/`＃tag` at the start or after whitespace/opening punctuation (so not `<#C123|name>` nor `C#`);
 * the tag runs until whitespace or punctuation. A `.` inside a tag is kept (`#Node.js`), a final one not.
 * A list separator right after a tag goes with it when another tag or the end of the line follows.
 */
/** Characters a tag cannot contain: whitespace, `#`, punctuation and Slack markup. */
const TAG_STOP = String.raw`\s#＃、。,，.．!！?？「」『』【】()（）<>|:：;；"'\x60`;
const HASHTAG_RE = new RegExp(
  String.raw`(?<=^|[\s(（「『【、。,，])[#＃]([^${TAG_STOP}]+(?:[.．][^${TAG_STOP}]+)*)` +
    String.raw`(?:[、,，](?=[ \t\u3000]*(?:[#＃]|$)))?`,
  'gmu',
);

const isPureNumber = (body: string): boolean => /^\d+$/.test(body.normalize('NFKC'));

/** Collapse the gaps left by removed tags: runs of spaces, spaces before punctuation, blank edges. */
const tidyWhitespace = (text: string): string =>
  text
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/ ([、。,，.!！?？）)」』】])/g, '$1')
    .replace(/^ *[、,，] */gm, '')
    .replace(/^ +| +$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

/** Pull `#tags` out of consultation text: canonical tags (deduped) and the text without them. */
export const extractHashtags = (text: string): { tags: string[]; rest: string } => {
  const tags: string[] = [];
  const rest = text.replace(HASHTAG_RE, (whole: string, body: string) => {
    const tag = isPureNumber(body) ? undefined : normalizeTag(body);
    if (tag === undefined) return whole;
    tags.push(tag);
    return ' ';
  });
  return { tags: dedupeTags(tags), rest: tags.length > 0 ? tidyWhitespace(rest) : text.trim() };
};

/** Display label: the canonical tag in Japanese, the English label for known tags in English. */
export const tagLabel = (tag: string, locale: Locale): string => {
  const canonical = normalizeTag(tag) ?? tag;
  if (locale === 'ja') return canonical;
  return KNOWN_TAGS.find((known) => known.tag === canonical)?.en ?? canonical;
};
