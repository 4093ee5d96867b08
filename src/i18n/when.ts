/**
 * Times carried by an error's params, shown in the one date format of each language (formatSlotWhen's):
 * use cases don't know the reader's language, so they pass the instant (`start`, UTC ISO), `minutes`,
 * the `zone` and `now`, and the table formats it.
 */
import { formatLocalStart, formatSlotWhen } from '../domain/calendar.js';
import type { Locale } from '../domain/locale.js';

type P = Record<string, string | number>;

const nowOf = (p: P) => (p.now ? new Date(String(p.now)) : undefined);

/** "12/10(木) 19:00–20:00" from `start`, `minutes`, `zone` (and `now`); `when` as given otherwise. */
export const slotWhenOf = (p: P, locale: Locale): string =>
  p.start && p.zone
    ? formatSlotWhen(String(p.start), Number(p.minutes), String(p.zone), locale, nowOf(p))
    : String(p.when ?? '');

/** "12/10(木) 19:00" from `start` and `zone` (and `now`); `text` as given otherwise. */
export const startOf = (p: P, locale: Locale): string =>
  p.start && p.zone
    ? formatLocalStart(String(p.start), String(p.zone), locale, nowOf(p))
    : String(p.text ?? '');
