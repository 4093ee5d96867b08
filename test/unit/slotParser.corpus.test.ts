/**
 * The acceptance rate of the parser on the corpus of real availability lines (slotParser.corpus.ts):
 * printed in the test output, with the lines it refuses and why, and held above a floor. A refused line
 * must still get a message that says what to fix, never a crash.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.js';
import { parseSlotEntries } from '../../src/domain/slotParser.js';
import { errorText } from '../../src/i18n/index.js';
import { CORPUS, CORPUS_MONTH, CORPUS_NOW } from './slotParser.corpus.js';

/** Raise it as the parser learns more forms; lower it only with a reason in the commit. */
const ACCEPTANCE_FLOOR = 0.9;

describe('corpus of real inputs', () => {
  it(`accepts at least ${ACCEPTANCE_FLOOR * 100}% of the corpus, and explains every refusal`, () => {
    const refused: string[] = [];
    for (const line of CORPUS) {
      try {
        const slots = parseSlotEntries(line, {
          now: new Date(CORPUS_NOW),
          zone: 'Asia/Tokyo',
          month: CORPUS_MONTH,
        });
        expect(slots.length, line).toBeGreaterThan(0);
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        const message = errorText('ja', e.code, e.params);
        expect(message, line).toContain(`「${line}」`);
        refused.push(`${line} → ${message}`);
      }
    }
    const rate = (CORPUS.length - refused.length) / CORPUS.length;
    console.info(
      `slot parser corpus: ${CORPUS.length - refused.length}/${CORPUS.length} accepted (${(rate * 100).toFixed(1)}%)\n` +
        refused.map((r) => `  refused: ${r}`).join('\n'),
    );
    expect(rate).toBeGreaterThanOrEqual(ACCEPTANCE_FLOOR);
  });
});
