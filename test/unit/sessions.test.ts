/** The pure session rules: reading `/slots book`, booking starts, the brief schedule and CSV records. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv.js';
import { DomainError } from '../../src/domain/errors.js';
import { briefDue, parseBookArgs, parseBookingStart } from '../../src/domain/sessions.js';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof DomainError ? err.code : String(err);
  }
  return 'no error';
};

describe('parseBookArgs', () => {
  it.each([
    ['12', { slotId: 12, alias: '', plan: undefined, topic: '' }],
    ['#12 Aさん', { slotId: 12, alias: 'Aさん', plan: undefined, topic: '' }],
    [
      '１２ Aさん 初回 転職の軸 が 定まらない',
      { slotId: 12, alias: 'Aさん', plan: 'first', topic: '転職の軸 が 定まらない' },
    ],
    ['12 light 振り返り', { slotId: 12, alias: '', plan: 'light', topic: '振り返り' }],
    ['12 Aさん 相談内容だけ', { slotId: 12, alias: 'Aさん', plan: undefined, topic: '相談内容だけ' }],
  ])('%s', (text, expected) => {
    expect(parseBookArgs(text)).toEqual(expected);
  });

  it('refuses no id, a word for an id, and several ids', () => {
    expect(codeOf(() => parseBookArgs(''))).toBe('slot_id_missing');
    expect(codeOf(() => parseBookArgs('twelve'))).toBe('slot_not_found');
    expect(codeOf(() => parseBookArgs('12 13'))).toBe('slot_id_missing');
  });
});

describe('parseBookingStart', () => {
  it.each([
    ['2026-12-03T19:00:00+09:00', '2026-12-03T10:00:00.000Z'],
    ['2026-12-03T10:00:00Z', '2026-12-03T10:00:00.000Z'],
    ['2026-12-03T19:00', '2026-12-03T10:00:00.000Z'],
    ['2026-12-03 19:00', '2026-12-03T10:00:00.000Z'],
    ['2026/12/3 19:00', '2026-12-03T10:00:00.000Z'],
  ])('%s is in the zone unless it has an offset', (text, utc) => {
    expect(parseBookingStart(text, 'Asia/Tokyo')).toBe(utc);
  });

  it.each(['', 'tomorrow', '2026-13-03 19:00', '12/3 19:00'])('refuses %j', (text) => {
    expect(codeOf(() => parseBookingStart(text, 'Asia/Tokyo'))).toBe('booking_start_invalid');
  });
});

describe('briefDue', () => {
  const start = '2026-12-03T10:00:00.000Z';
  const at = (iso: string) => new Date(iso);
  it.each([
    ['2026-12-02T09:59:59Z', undefined],
    ['2026-12-02T10:00:00Z', 24],
    ['2026-12-03T08:59:59Z', 24],
    ['2026-12-03T09:00:00Z', 1],
    ['2026-12-03T09:59:59Z', 1],
    ['2026-12-03T10:00:00Z', undefined],
  ])('at %s → %s', (now, hours) => {
    expect(briefDue(start, [24, 1], at(now))).toBe(hours);
  });
});

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and a BOM', () => {
    expect(parseCsv('\uFEFFa,b,c\r\n1,"x, ""y""",\r\n2,"multi\nline",z\n\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', 'x, "y"', ''] },
      { line: 3, fields: ['2', 'multi\nline', 'z'] },
    ]);
  });

  it('names the line of an unclosed quote', () => {
    expect(codeOf(() => parseCsv('a,b\n1,"open\n'))).toBe('csv_unterminated_quote');
  });
});
