/**
 * A session's outcome, the pure parts: the words `/slots outcome` takes, what a session with no answer
 * counts as, and whether it owes the client a write-up. No I/O, no clock: `now` is an argument.
 */
import { DomainError } from './errors.js';

export type Outcome = 'held' | 'no_show' | 'cancelled';
/** As exported: `booked` before the session has ended with no answer yet. */
export type OutcomeState = 'booked' | Outcome;

export const OUTCOMES: readonly Outcome[] = ['held', 'no_show', 'cancelled'];

const OUTCOME_WORDS: Record<string, Outcome> = {
  held: 'held',
  実施: 'held',
  実施した: 'held',
  no_show: 'no_show',
  'no-show': 'no_show',
  noshow: 'no_show',
  不参加: 'no_show',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  cancel: 'cancelled',
  キャンセル: 'cancelled',
};

export const isOutcome = (v: unknown): v is Outcome => OUTCOMES.includes(v as Outcome);

/** `held|no_show|cancelled` or `実施|不参加|キャンセル` (full-width and case folded); else an error naming it. */
export const parseOutcome = (word: string): Outcome => {
  const outcome = OUTCOME_WORDS[word.normalize('NFKC').trim().toLowerCase()];
  if (!outcome) throw new DomainError('outcome_invalid', { value: word.trim() || '?' });
  return outcome;
};

/** `12 実施` / `#12 no_show`: the slot id and the outcome. */
export const parseOutcomeArgs = (args: string): { slotId: number; outcome: Outcome } => {
  const [id, word, ...rest] = args.trim().split(/\s+/u);
  const m = /^#?(\d{1,9})$/.exec((id ?? '').normalize('NFKC'));
  if (!m || !word || rest.length) throw new DomainError('outcome_usage');
  return { slotId: Number(m[1]), outcome: parseOutcome(word) };
};

/** A session with no answer counts as held once it has ended (the contract: "no answer = held"). */
export const outcomeState = (session: { outcome: Outcome | null; end_at: string }, now: Date): OutcomeState =>
  session.outcome ?? (Date.parse(session.end_at) <= now.getTime() ? 'held' : 'booked');

/** Only held sessions (answered so, or not answered) owe the client a write-up. */
export const owesWriteup = (outcome: Outcome | null | undefined): boolean =>
  outcome === null || outcome === undefined || outcome === 'held';
