/**
 * Japanese puts no space between words: "を 告知しました" or "に 参加 で登録" reads as a typo. Every string of
 * the ja table is rendered with sample parameters, its mrkdwn reduced to what a reader sees (link labels,
 * bold/italic marks dropped, code spans kept as one word), and scanned for a space between two Japanese
 * characters. The few intended spaces are allow-listed below, each with why.
 */
import { describe, expect, it } from 'vitest';
import { ja } from '../../src/i18n/ja.js';

const JP = '[\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Han}ー々（）「」、。]';
const STRAY = new RegExp(`${JP} +${JP}`, 'gu');

/** Sample parameters: every name reads as a short ASCII word; months, instants and zones as real ones. */
const REAL: Record<string, string | number> = {
  month: '2026-12',
  from: '2026-12',
  start: '2026-12-10T10:00:00.000Z',
  now: '2026-11-25T01:00:00.000Z',
  zone: 'Asia/Tokyo',
  minutes: 60,
};
const sample: Record<string, string | number> = new Proxy(
  {},
  { get: (_t, key) => REAL[String(key)] ?? 'x', has: () => true },
);

/**
 * What a reader sees: `<url|label>` → label, `*bold*`/`_it_` → text, `` `code` `` → one placeholder. The
 * spaced middle dot (`参加 3 ・ 未定 0`) is the field separator of posts and lists, like ` | `: intended.
 */
const visible = (text: string) =>
  text
    .replaceAll(' ・ ', ' | ')
    .replace(/`[^`]*`/g, 'CODE')
    .replace(/<[^|>]+\|([^>]+)>/g, '$1')
    .replace(/<[^>]+>/g, 'LINK')
    .replace(/[*_~]/g, '');

const strings = (node: unknown, path: string): [string, string][] => {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') {
    const out = (node as (p: unknown) => unknown)(sample);
    return typeof out === 'string' ? [[path, out]] : [];
  }
  if (Array.isArray(node)) return node.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
};

/** Intended spaces: path → the exact match allowed there. */
const ALLOWED: Record<string, string[]> = {};

describe('ja messages', () => {
  const all = strings(ja, '');

  it('render (the scan below sees every string)', () => {
    expect(all.length).toBeGreaterThan(150);
  });

  it('have no space between two Japanese characters', () => {
    const stray = all.flatMap(([path, text]) =>
      [...visible(text).matchAll(STRAY)]
        .map((m) => m[0])
        .filter((hit) => !(ALLOWED[path] ?? []).includes(hit))
        .map((hit) => `${path}: 「${hit}」`),
    );
    expect(stray).toEqual([]);
  });

  it('catch the spaces this test is for', () => {
    expect(visible('を <https://x|告知しました>').match(STRAY)).not.toBeNull();
    expect(visible('に *参加* で登録しました').match(STRAY)).not.toBeNull();
    expect(visible('`/slots list` で確認').match(STRAY)).toBeNull();
  });
});
