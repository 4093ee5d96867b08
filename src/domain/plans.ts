/**
 * Session plans and their lengths: light 45 min, first 90 min, follow-up 60 min (the default length).
 */
/** A consultation session's plan (stored in consultations.plan). */
export type Plan = 'light' | 'first' | 'followup';

export const PLAN_MINUTES = { light: 45, first: 90, followup: 60 } as const satisfies Record<Plan, number>;

export const DEFAULT_MINUTES = 60;

const PLAN_WORDS: Record<string, Plan> = {
  ライト: 'light',
  light: 'light',
  初回: 'first',
  first: 'first',
  継続: 'followup',
  followup: 'followup',
  'follow-up': 'followup',
};

/** `ライト`/`light`, `初回`/`first`, `継続`/`followup`/`follow-up` (case-insensitive, full-width ok). */
export const planFromWord = (word: string): Plan | undefined =>
  PLAN_WORDS[word.normalize('NFKC').trim().toLowerCase()];

/** The plan a slot of this length suits: 45 → light, 90 → first, anything else → follow-up. */
export const planForMinutes = (minutes: number): Plan => {
  if (minutes === PLAN_MINUTES.light) return 'light';
  if (minutes === PLAN_MINUTES.first) return 'first';
  return 'followup';
};
