/**
 * Person names in free text, read from a Japanese morphological analysis (IPADIC's part-of-speech tags:
 * `名詞,固有名詞,人名,姓|名|一般` for names, `名詞,接尾,人名` for honorific suffixes). Pure: the analyser
 * is passed in (src/text/japaneseAnalyzer.ts loads kuromoji's); nothing here is a list of names.
 *
 * The rule (the contract's "Clients' privacy"; the table in test/unit/pii.names.test.ts shows it):
 * - a full name — two or more name tokens in a row (`山田太郎`, `佐藤 花子`, `本田宗一郎`,
 *   `スティーブ・ジョブズ`), joined directly, by one space or by `・` — is a name, with or without an honorific;
 * - a single name token with an honorific (さん/様/さま/氏/くん/君/ちゃん/殿) is a name: a bare family name
 *   with さん (`田中さん`) is refused, as the contract says "a name with さん/様/氏/くん/ちゃん";
 * - a capitalised Latin word of three or more letters with an honorific (`Tanakaさん`) is a name;
 * - a name marked as a pseudonym right after it (`山田さん（仮名）`) passes: the writer says it is an alias;
 * - everything else passes: a bare family name (`渋沢の言葉`, `ドラッカー`), aliases (`Aさん`, `A子さん`),
 *   roles and relations (`相談者さん`, `人事部長さん`, `娘さん`), companies and places the dictionary
 *   knows (`トヨタさん`, `大阪さん`).
 * Known gaps: names written in kana that IPADIC does not tag as names (`ヤマダタロウさん`, `さくらさん`),
 * a family name with a job title (`田中部長`), Latin names without a Japanese honorific (`Mr. Tanaka`).
 */

/** One token of the analysis, with its offset in the analysed text. */
export type MorphToken = {
  surface: string;
  /** UTF-16 offset of the token in the text given to `tokenize`. */
  start: number;
  /** IPADIC's part of speech and its three sub-categories (`*` where none). */
  pos: readonly [string, string, string, string];
};

/** A loaded analyser: tokenize is synchronous and pure once the dictionary is in memory. */
export interface MorphAnalyzer {
  tokenize(text: string): MorphToken[];
}

export type NameSpan = { start: number; end: number };

export const HONORIFICS: ReadonlySet<string> = new Set([
  'さん',
  '様',
  'さま',
  '氏',
  'くん',
  '君',
  'ちゃん',
  '殿',
]);

const isNameToken = (t: MorphToken): boolean =>
  t.pos[0] === '名詞' && t.pos[1] === '固有名詞' && t.pos[2] === '人名';
const isFamilyName = (t: MorphToken): boolean => isNameToken(t) && t.pos[3] === '姓';
const isSpace = (t: MorphToken | undefined): boolean =>
  t !== undefined && t.pos[0] === '記号' && t.pos[1] === '空白' && t.surface.length === 1;
const isHonorific = (t: MorphToken | undefined): boolean =>
  t !== undefined && HONORIFICS.has(t.surface) && t.pos[0] === '名詞' && t.pos[1] === '接尾';
/** `Tanaka`, `John`; not `A`, `AB` or `IBM` (aliases and acronyms). */
const isLatinName = (t: MorphToken): boolean => /^[A-Z][a-z]{2,}$/.test(t.surface);
/** Proper nouns other than organisations: IPADIC sometimes reads a given name after a space as a place. */
const isOtherProperNoun = (t: MorphToken | undefined): boolean =>
  t !== undefined && t.pos[0] === '名詞' && t.pos[1] === '固有名詞' && t.pos[2] !== '組織';

/** The index of the next token to look at after `i`, stepping over one space (or `・` if allowed). */
const nextWord = (tokens: readonly MorphToken[], i: number, allowDot: boolean): number => {
  const next = tokens[i + 1];
  if (next && (isSpace(next) || (allowDot && next.surface === '・'))) return i + 2;
  return i + 1;
};

/** The last token of the name run that starts at `i` (a name token): further name tokens joined to it. */
const endOfNameRun = (tokens: readonly MorphToken[], i: number): number => {
  let last = i;
  for (;;) {
    const k = nextWord(tokens, last, true);
    const next = tokens[k];
    if (!next) return last;
    const spaced = k === last + 2 && isSpace(tokens[last + 1]);
    const continues = isNameToken(next) || (spaced && isFamilyName(tokens[last]!) && isOtherProperNoun(next));
    if (!continues) return last;
    last = k;
  }
};

/** `(仮名)` (NFKC folds the full-width brackets) right after token `last`, after at most one space. */
const markedAsPseudonym = (tokens: readonly MorphToken[], last: number): boolean => {
  const from = nextWord(tokens, last, false);
  return tokens
    .slice(from, from + 3)
    .map((t) => t.surface)
    .join('')
    .startsWith('(仮名)');
};

const spanOf = (tokens: readonly MorphToken[], first: number, last: number): NameSpan => ({
  start: tokens[first]!.start,
  end: tokens[last]!.start + tokens[last]!.surface.length,
});

/** Every person name in the analysed text, in order, as offsets into that text. */
export const findPersonNames = (tokens: readonly MorphToken[]): NameSpan[] => {
  const spans: NameSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const nameLike = isNameToken(t);
    if (!nameLike && !isLatinName(t)) {
      i++;
      continue;
    }
    const last = nameLike ? endOfNameRun(tokens, i) : i;
    const h = nextWord(tokens, last, false);
    const honorific = isHonorific(tokens[h]);
    const end = honorific ? h : last;
    if ((last > i || honorific) && !markedAsPseudonym(tokens, end)) spans.push(spanOf(tokens, i, end));
    i = end + 1;
  }
  return spans;
};
