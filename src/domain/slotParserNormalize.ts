/**
 * Normalising one `/slots add` entry before it is tokenised: list bullets pasted from chat or mail are
 * dropped (`・`, `•`, `-`, `①`, `1.`, `(1)`), the text is NFKC-normalised (full-width digits, `～`, half-width
 * kana) and kanji numerals that count something the parser reads (`十九時`, `十二月三日`, `第二土曜`,
 * `令和八年`, `二時間半`) become digits. Nothing else changes, so an error still quotes what was written.
 */

/** A leading bullet: marks (several allowed, `・・`), circled numbers ①–⑳, `1.` `1)` `(1)` before a space. */
const BULLET =
  /^\s*(?:[・･•●○◦▪▫■□◆◇☆★※→▶▷►‣⁃*＊\-－]+\s*|[\u2460-\u2473\u24F5-\u24FE\u2776-\u277F]\s*|[(（]\d{1,2}[)）]\s*|\d{1,2}[.)]\s+)/u;

const KANJI_DIGITS = '〇一二三四五六七八九';
/** A run of kanji numerals that counts a unit the parser reads, or follows `第`/`令和`. */
const KANJI_NUMBER =
  /(?<=第|令和|令和\s)[〇一二三四五六七八九十]+|[〇一二三四五六七八九十]+(?=\s*(?:時|分|月|日|年|曜))/gu;

/** `十九` → 19, `二十三` → 23, `三十` → 30, `十` → 10, `二〇二六` → 2026 (digit by digit). */
export const kanjiNumber = (s: string): number => {
  const digit = (c: string | undefined): number => (c ? KANJI_DIGITS.indexOf(c) : 0);
  const ten = s.indexOf('十');
  if (ten < 0) return Number([...s].map((c) => KANJI_DIGITS.indexOf(c)).join(''));
  const tens = ten === 0 ? 1 : digit(s[ten - 1]);
  return tens * 10 + digit(s[ten + 1]);
};

/** `十` appears at most once and only between single digits (`十九`, `二十三`); otherwise left as written. */
const WELL_FORMED = /^(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[〇一二三四五六七八九]+)$/u;

export const stripBullet = (entry: string): string => entry.replace(BULLET, '');

/** The text the tokeniser reads: bullet dropped, NFKC, kanji numerals as digits. */
export const normalizeEntry = (entry: string): string =>
  stripBullet(entry)
    .normalize('NFKC')
    .replace(KANJI_NUMBER, (run) => (WELL_FORMED.test(run) ? String(kanjiNumber(run)) : run))
    .replace(/(令和)\s*元(?=\s*年)/u, '$11');
