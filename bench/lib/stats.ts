/** Small statistics and timing helpers. */

export const median = (xs: readonly number[]): number => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Wall-clock milliseconds of one call. */
export const timed = async <T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> => {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
};

/**
 * Microseconds on `process.hrtime`: CLOCK_MONOTONIC on Linux, one clock for every process of the machine,
 * so times taken in two processes can be subtracted.
 */
export const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Total length of the union of [start, end) intervals, in the intervals' unit. */
export const unionLength = (intervals: ReadonlyArray<readonly [number, number]>): number => {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curStart = Number.NEGATIVE_INFINITY;
  let curEnd = Number.NEGATIVE_INFINITY;
  for (const [s, e] of sorted) {
    if (s > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) curEnd = e;
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
};

/** The p-th percentile (0–100) of `xs`, nearest rank; NaN when empty. */
export const percentile = (xs: readonly number[], p: number): number => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
