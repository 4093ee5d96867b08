/** The bench's result rows and the plain-text table they print as. */

export type Verdict = 'met' | 'NOT MET' | 'info' | 'skip';

export type Row = {
  /** Figure number, as in bench/README.md. */
  figure: string;
  what: string;
  measured: string;
  baseline: string;
  ratio: string;
  goal: string;
  verdict: Verdict;
};

const HEADERS: Record<keyof Row, string> = {
  figure: '#',
  what: 'figure',
  measured: 'measured',
  baseline: 'baseline (same run)',
  ratio: 'ratio',
  goal: 'goal',
  verdict: 'result',
};

const COLUMNS: Array<keyof Row> = ['figure', 'what', 'measured', 'baseline', 'ratio', 'goal', 'verdict'];

/** Columns padded to their widest cell, two spaces apart; no box drawing, so it pastes anywhere. */
export const formatTable = (rows: readonly Row[]): string => {
  const all: Array<Record<keyof Row, string>> = [HEADERS, ...rows];
  const widths = COLUMNS.map((c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Record<keyof Row, string>) =>
    COLUMNS.map((c, i) => (i === COLUMNS.length - 1 ? r[c] : r[c].padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(HEADERS), rule, ...rows.map(line)].join('\n');
};

/** The same rows as a Markdown table (for docs/reliability.md). */
export const formatMarkdown = (rows: readonly Row[]): string => {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const line = (r: Record<keyof Row, string>) => `| ${COLUMNS.map((c) => esc(r[c])).join(' | ')} |`;
  return [line(HEADERS), `|${COLUMNS.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
};

export const ms = (v: number): string =>
  v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(v >= 10 ? 1 : 2)} ms`;
export const sec = (v: number): string => `${(v / 1000).toFixed(2)} s`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const times = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)}x` : '-');
export const perSec = (v: number): string => `${Math.round(v).toLocaleString('en-US')}/s`;
export const verdict = (ok: boolean): Verdict => (ok ? 'met' : 'NOT MET');
