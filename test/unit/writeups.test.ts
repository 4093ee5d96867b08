/** The pure parts after a session: outcome words, what an unanswered session counts as, the templates and the text they make. */
import { describe, expect, it } from 'vitest';
import { outcomeState, owesWriteup, parseOutcome, parseOutcomeArgs } from '../../src/domain/outcomes.js';
import { writeupState } from '../../src/domain/writeup.js';
import {
  cleanDraft,
  missingForFinish,
  readDraft,
  WRITEUP_TEMPLATES,
} from '../../src/domain/writeupTemplate.js';
import { messages } from '../../src/i18n/index.js';
import { formatWriteupDoc } from '../../src/slack/blocks/writeupModal.js';

describe('outcomes', () => {
  it.each([
    ['実施', 'held'],
    ['held', 'held'],
    ['不参加', 'no_show'],
    ['NO_SHOW', 'no_show'],
    ['no-show', 'no_show'],
    ['キャンセル', 'cancelled'],
    ['ｃａｎｃｅｌｌｅｄ', 'cancelled'],
  ])('reads %s as %s', (word, outcome) => expect(parseOutcome(word)).toBe(outcome));

  it('refuses other words and malformed arguments, naming what was typed', () => {
    expect(() => parseOutcome('たぶん')).toThrow(/outcome_invalid.*たぶん/);
    expect(() => parseOutcomeArgs('12')).toThrow(/outcome_usage/);
    expect(() => parseOutcomeArgs('12 実施 多分')).toThrow(/outcome_usage/);
    expect(parseOutcomeArgs('#１２ 不参加')).toEqual({ slotId: 12, outcome: 'no_show' });
  });

  it('counts an unanswered session as booked before its end and held after; only held owes a write-up', () => {
    const end = '2026-11-26T11:30:00.000Z';
    expect(outcomeState({ outcome: null, end_at: end }, new Date('2026-11-26T11:00:00Z'))).toBe('booked');
    expect(outcomeState({ outcome: null, end_at: end }, new Date('2026-11-26T11:30:00Z'))).toBe('held');
    expect(outcomeState({ outcome: 'no_show', end_at: end }, new Date('2026-11-26T11:00:00Z'))).toBe(
      'no_show',
    );
    expect([null, 'held', 'no_show', 'cancelled'].map((o) => owesWriteup(o as never))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const base = { end_at: end, writeup_done_at: null, status: 'booked' };
    const later = new Date('2026-12-01T00:00:00Z');
    expect(writeupState({ ...base, outcome: null }, later, 72)).toBe('overdue');
    expect(writeupState({ ...base, outcome: 'no_show' }, later, 72)).toBe('none');
    expect(writeupState({ ...base, outcome: 'cancelled', writeup_done_at: end }, later, 72)).toBe('done');
  });
});

describe('write-up templates', () => {
  it('has 3 fields for light, 8 for first, 4 for a follow-up', () => {
    expect(WRITEUP_TEMPLATES.light).toHaveLength(3);
    expect(WRITEUP_TEMPLATES.first).toHaveLength(8);
    expect(WRITEUP_TEMPLATES.followup).toHaveLength(4);
  });

  it('keeps only the plan’s fields, trimmed, and reads bad JSON as empty', () => {
    expect(cleanDraft({ strength_1: '  a ', values: 'x', next_step: '' }, 'light')).toEqual({
      strength_1: 'a',
    });
    expect(readDraft('{"strength_1":"a","evil":"b","strength_2":3}', 'light')).toEqual({ strength_1: 'a' });
    expect(readDraft('not json', 'first')).toEqual({});
    expect(missingForFinish({ strength_1: 'a' }, 'light')).toEqual(['strength_2', 'next_step']);
    expect(
      missingForFinish({ changed: '', strength_1: 'a', strength_2: 'b', next_step: 'c' }, 'followup'),
    ).toEqual([]);
  });

  it('formats the text for the client: an episode under its strength, or under its heading alone', () => {
    const m = messages('en');
    expect(
      formatWriteupDoc(m, 'first', { strength_1: 'S1', episode_1: 'E1', episode_2: 'E2', next_step: 'N' }),
    ).toBe('■ Strength 1\nS1\nE1\n\n■ Strength 2\nE2\n\n■ Next step\nN');
    expect(formatWriteupDoc(messages('ja'), 'followup', { changed: 'C', strength_2: 'S2' })).toBe(
      '■ 前回からの変化\nC\n\n■ 強み2\nS2',
    );
  });
});
