/**
 * The quick form of /consult: `<date> <time> [plan] <text with #tags>`. The date and time use the same
 * grammar as /slots (so `12月3日 19時` works too); the rest is the question. Pure: now and zone passed in.
 */
import { DomainError, isDomainError } from './errors.js';
import type { MorphAnalyzer } from './personNames.js';
import { findPersonalData } from './pii.js';
import { type Plan, planForMinutes, planFromWord } from './plans.js';
import { parseSlotEntries } from './slotParser.js';
import { extractHashtags } from './tags.js';

export const MAX_TOPIC = 2000;
export const MAX_QUESTION = 2000;
export const MAX_CONSULT_TAGS = 8;

export type QuickConsult = {
  startUtc: string;
  /** Only when the user named a plan or a length; otherwise the linked slot (or the default) decides. */
  plan: Plan | undefined;
  question: string;
  tags: string[];
};

export const parseQuickConsult = (text: string, now: Date, zone: string): QuickConsult => {
  const words = text.trim().split(/\s+/);
  let pastError: DomainError | undefined;
  for (const take of [3, 2, 1]) {
    if (words.length <= take - 1) continue;
    const head = words.slice(0, take).join(' ');
    if (/[,、，]/.test(head)) continue;
    try {
      const [slot] = parseSlotEntries(head, { now, zone });
      if (!slot) continue;
      const named = words.slice(0, take).some((w) => planFromWord(w) || /^\d+(分|min|m)?$/i.test(w));
      const { tags, rest } = extractHashtags(words.slice(take).join(' '));
      if (!rest.trim()) throw new DomainError('consult_text_missing');
      return {
        startUtc: slot.startUtc,
        plan: named ? planForMinutes(slot.minutes) : undefined,
        question: rest,
        tags,
      };
    } catch (err) {
      if (!isDomainError(err)) throw err;
      if (err.code === 'consult_text_missing') throw err;
      if (err.code === 'slot_in_past') pastError = new DomainError('consult_in_past');
      // `11/20 19:00` on 11/25: say it passed and how to write next year's, as /slots add does.
      if (err.code === 'slot_recent_past') pastError = err;
    }
  }
  throw pastError ?? new DomainError('consult_datetime_missing');
};

/**
 * A session start written on its own (a Workflow Builder step's input): the /consult grammar for one date
 * and time, with /consult's errors — in the past, or not a date and time.
 */
export const parseConsultStart = (text: string, now: Date, zone: string): string => {
  const head = text.trim();
  if (!head || /[,、，\n]/.test(head)) throw new DomainError('consult_datetime_missing');
  try {
    const slots = parseSlotEntries(head, { now, zone });
    if (slots.length !== 1) throw new DomainError('consult_datetime_missing');
    return slots[0]!.startUtc;
  } catch (err) {
    if (!isDomainError(err)) throw err;
    if (err.code === 'slot_in_past') throw new DomainError('consult_in_past');
    if (err.code === 'slot_recent_past') throw err;
    throw new DomainError('consult_datetime_missing');
  }
};

/**
 * Refuses client personal data (person names too, read with `analyzer`) and over-long text; `field` says
 * which modal field to mark.
 */
export const assertPostable = (
  parts: Array<{ text: string; field: string; max: number; label: string }>,
  analyzer: MorphAnalyzer,
) => {
  for (const p of parts) {
    if (p.text.length > p.max)
      throw new DomainError('input_too_long', { field: p.label, max: p.max }, p.field);
    const found = findPersonalData(p.text, analyzer);
    if (found) throw new DomainError('consult_pii', { kind: found.kind, fragment: found.fragment }, p.field);
  }
};
