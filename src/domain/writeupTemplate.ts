/**
 * The strengths write-up's templates, by plan (issue #19), and its draft as stored. Pure.
 * - light: two strengths and a next step;
 * - first: three strengths, each with an episode in the client's own words, the values they care
 *   about, and a next step;
 * - followup: what changed since the last next step (the last write-up's is shown), strengths, next step.
 * A strength is worded as a behaviour seen in the session, not a trait label (the hints say so).
 */
import type { Plan } from './plans.js';

export type WriteupFieldKind = 'strength' | 'episode' | 'values' | 'next' | 'changed';
export type WriteupField = { key: string; kind: WriteupFieldKind; n?: number };

const strength = (n: number): WriteupField => ({ key: `strength_${n}`, kind: 'strength', n });
const episode = (n: number): WriteupField => ({ key: `episode_${n}`, kind: 'episode', n });
const NEXT: WriteupField = { key: 'next_step', kind: 'next' };

export const WRITEUP_TEMPLATES: Record<Plan, readonly WriteupField[]> = {
  light: [strength(1), strength(2), NEXT],
  first: [
    strength(1),
    episode(1),
    strength(2),
    episode(2),
    strength(3),
    episode(3),
    { key: 'values', kind: 'values' },
    NEXT,
  ],
  followup: [{ key: 'changed', kind: 'changed' }, strength(1), strength(2), NEXT],
};

/** Per field, at most this many characters (under Slack's 3,000 for a plain_text_input). */
export const WRITEUP_FIELD_MAX = 1000;

export type WriteupDraft = Record<string, string>;

/** The stored JSON read back: only the template's keys, strings, trimmed to the limit; bad JSON is empty. */
export const readDraft = (json: string | null | undefined, plan: Plan): WriteupDraft => {
  if (!json) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const out: WriteupDraft = {};
  for (const f of WRITEUP_TEMPLATES[plan]) {
    const v = (parsed as Record<string, unknown>)[f.key];
    if (typeof v === 'string' && v.trim()) out[f.key] = v.slice(0, WRITEUP_FIELD_MAX);
  }
  return out;
};

/** The draft as stored: the template's fields only, trimmed; empty ones left out. */
export const cleanDraft = (values: Record<string, string | undefined>, plan: Plan): WriteupDraft => {
  const out: WriteupDraft = {};
  for (const f of WRITEUP_TEMPLATES[plan]) {
    const v = (values[f.key] ?? '').trim();
    if (v) out[f.key] = v.slice(0, WRITEUP_FIELD_MAX);
  }
  return out;
};

/** The fields a finished write-up needs: every strength and the next step. */
export const missingForFinish = (draft: WriteupDraft, plan: Plan): string[] =>
  WRITEUP_TEMPLATES[plan]
    .filter((f) => (f.kind === 'strength' || f.kind === 'next') && !draft[f.key])
    .map((f) => f.key);

/** The next step a follow-up's "what changed" looks back on. */
export const nextStepOf = (json: string | null | undefined): string | undefined => {
  if (!json) return undefined;
  try {
    const v = (JSON.parse(json) as Record<string, unknown>).next_step;
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  } catch {
    return undefined;
  }
};
