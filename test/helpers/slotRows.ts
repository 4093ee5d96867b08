/** What the slot-parser tables share: the clock they read at, a row's shape, and how a result is shown. */
import { DateTime } from 'luxon';
import { DomainError } from '../../src/domain/errors.js';
import { type ParsedSlot, parseSlotEntries } from '../../src/domain/slotParser.js';

export const TOKYO = 'Asia/Tokyo';
/** Wed 2026-11-25 10:00 JST. */
export const NOW = '2026-11-25T01:00:00Z';

/** An entry, and what it stores (`YYYY-MM-DD HH:mm minutes` in its zone) or the error code it gets. */
export interface SlotRow {
  text: string;
  want: string[] | string;
  now?: string;
  zone?: string;
  month?: string;
}

/** `YYYY-MM-DD HH:mm minutes` of a parsed slot, in the zone it was parsed for. */
export const showSlot = (s: ParsedSlot, zone = TOKYO): string =>
  `${DateTime.fromISO(s.startUtc, { zone: 'utc' }).setZone(zone).toFormat('yyyy-MM-dd HH:mm')} ${s.minutes}`;

export const parseRow = (row: Omit<SlotRow, 'want'>): ParsedSlot[] =>
  parseSlotEntries(row.text, {
    now: new Date(row.now ?? NOW),
    zone: row.zone ?? TOKYO,
    ...(row.month ? { month: row.month } : {}),
  });

/** The row as a supporter sees it: the slots stored, or the error's code. */
export const outcomeOf = (row: SlotRow): string[] | string => {
  try {
    return parseRow(row).map((s) => showSlot(s, row.zone ?? TOKYO));
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
};

export const domainErrorOf = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
};
