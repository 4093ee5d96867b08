/**
 * Figure 6: the personal-data guard's cost per /consult — assertPostable over a command's topic, question
 * and tags — with the name check (kuromoji, warm) against the regex-only check it replaced (the pattern
 * kinds alone, as before), on the same texts in the same process. Also the one-off cost of loading the
 * analyser (a new one, cold): its time, the longest the event loop was blocked meanwhile, and the memory
 * it keeps. Report-only: there is no goal to bend the design around.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { assertPostable, MAX_QUESTION, MAX_TOPIC } from '../../src/domain/consultForm.js';
import type { MorphAnalyzer } from '../../src/domain/personNames.js';
import { findPersonalData } from '../../src/domain/pii.js';
import { loadJapaneseAnalyzer } from '../../src/text/japaneseAnalyzer.js';
import { mb, ms, type Row, times } from '../lib/report.js';
import { percentile } from '../lib/stats.js';

export type NamesPlan = { commands: number };
export const namesPlan = (quick: boolean): NamesPlan => ({ commands: quick ? 300 : 3_000 });

/** Clean questions of the lengths people write (40 to about 1,000 characters): the common case. */
const SENTENCES = [
  '転職の軸が定まらない30代の方。',
  '強みの棚卸しをどう進めるか、相談者さんと一緒に考えたいです。',
  'Aさんは営業職から人事へのキャリアチェンジを希望していて、面接が苦手とのこと。',
  'クランボルツの計画的偶発性理論をどう紹介するとよいでしょうか？',
  '前回のセッションでは価値観カードを使いましたが、次の一歩が見えていません。',
];
const questionOf = (i: number): string => {
  const n = [1, 3, 8, 24][i % 4]!;
  return Array.from({ length: n }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join('');
};
const partsOf = (i: number) => [
  { text: i % 2 ? '営業から人事へ' : '', field: 'topic', max: MAX_TOPIC, label: 'topic' },
  { text: questionOf(i), field: 'question', max: MAX_QUESTION, label: 'question' },
  ...['人事', 'キャリアチェンジ'].map((t) => ({ text: t, field: 'tags', max: 30, label: 'tag' })),
];
type Parts = ReturnType<typeof partsOf>;

/** The guard as it was: length and the pattern kinds, no names. */
const regexOnly = (parts: Parts) => {
  for (const p of parts) {
    if (p.text.length > p.max || findPersonalData(p.text)) throw new Error('bench text refused');
  }
};

const perCommandUs = (plan: NamesPlan, check: (parts: Parts) => void): number[] => {
  const samples: number[] = [];
  for (let i = 0; i < plan.commands; i += 1) {
    const parts = partsOf(i);
    const t0 = performance.now();
    check(parts);
    samples.push((performance.now() - t0) * 1000);
  }
  return samples;
};

const us = (v: number): string => (v >= 1000 ? ms(v / 1000) : `${v.toFixed(0)} µs`);

/** A full GC (the runner has no --expose-gc), so garbage left by the load does not read as kept memory. */
const fullGc = (): void => {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
};

/** Loads a new analyser, watching the event loop every 5 ms meanwhile. */
const coldLoad = async () => {
  fullGc();
  const rssBefore = process.memoryUsage().rss;
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  const t0 = performance.now();
  const analyzer = await loadJapaneseAnalyzer();
  const loadMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 10));
  clearInterval(tick);
  fullGc();
  return { analyzer, loadMs, blockedMs: longest, rss: process.memoryUsage().rss - rssBefore };
};

const info = (what: string, measured: string, baseline: string, ratio = '-'): Row => ({
  figure: '6',
  what,
  measured,
  baseline,
  ratio,
  goal: 'report only',
  verdict: 'info',
});

export const runNames = async (plan: NamesPlan, log: (s: string) => void): Promise<Row[]> => {
  const load = await coldLoad();
  const analyzer: MorphAnalyzer = load.analyzer;
  log(`  analyser loaded in ${ms(load.loadMs)} (event loop blocked up to ${ms(load.blockedMs)})`);
  // Warm-up (JIT, the analyser's caches), not measured.
  perCommandUs({ commands: 200 }, (parts) => assertPostable(parts, analyzer));
  perCommandUs({ commands: 200 }, regexOnly);
  const withNames = perCommandUs(plan, (parts) => assertPostable(parts, analyzer));
  const before = perCommandUs(plan, regexOnly);
  const p = (xs: number[], q: number) => percentile(xs, q);
  log(`  guard p50 ${us(p(withNames, 50))} with names, ${us(p(before, 50))} regex only`);
  const what = `PII guard per /consult, warm (${plan.commands.toLocaleString('en-US')} commands, 40-1,000 chars)`;
  return [
    info(
      `${what} p50`,
      us(p(withNames, 50)),
      `${us(p(before, 50))} regex only`,
      times(p(withNames, 50) / p(before, 50)),
    ),
    info(
      `${what} p99`,
      us(p(withNames, 99)),
      `${us(p(before, 99))} regex only`,
      times(p(withNames, 99) / p(before, 99)),
    ),
    info('name analyser load, once per process (cold, not awaited at start)', ms(load.loadMs), '-'),
    info('longest event-loop block during that load', ms(load.blockedMs), '-'),
    info('memory the analyser keeps (RSS growth over its load, after a full GC)', mb(load.rss), '-'),
  ];
};
