/**
 * `/slots add` and the slots modal: parse every entry, check them against the supporter's own slots, and
 * store all of them in one transaction — or none, with an error naming the first bad entry. Then, only
 * when the caller asks (`busyCheck`, after it has answered Slack), the stored slots are compared with the
 * supporter's main-job busy calendar: a warning, never a refusal.
 */
import { DateTime } from 'luxon';
import { findOverlapping, insertSlots } from '../db/repositories/slots.js';
import { ensureSupporter } from '../db/repositories/supporters.js';
import type { Slot } from '../db/schema.js';
import { writeTransaction } from '../db/transaction.js';
import type { UseCaseDeps } from '../deps.js';
import { monthOf, toUtcIso } from '../domain/calendar.js';
import { DomainError } from '../domain/errors.js';
import { type ParsedSlot, parseSlotEntries } from '../domain/slotParser.js';
import { overlaps } from '../domain/slots.js';
import { checkSlotsAgainstBusy, type SlotBusyCheck } from './busyTimes.js';
import { type SupporterStanding, standingOf } from './standing.js';

export type AddSlotsInput = { userId: string; text: string; now: Date; month?: string };
export type AddedSlot = Slot & { holiday: string | undefined };
export type AddSlotsResult = {
  added: AddedSlot[];
  standings: SupporterStanding[];
  /**
   * The added slots against the busy calendar (fetched at most once however often it is called; at most
   * the fetch timeout, 5 s). Call it after the ack: it may wait on another server.
   */
  busyCheck: () => Promise<SlotBusyCheck<AddedSlot>>;
};

export const addSlots = async (deps: UseCaseDeps, input: AddSlotsInput): Promise<AddSlotsResult> => {
  const { config } = deps;
  const parsed = parseSlotEntries(input.text, {
    now: input.now,
    zone: config.timezone,
    ...(input.month ? { month: input.month } : {}),
  });
  const nowIso = toUtcIso(input.now);
  const stored = await writeTransaction(deps.db, async (trx) => {
    await ensureSupporter(trx, input.userId, 'slots', nowIso);
    await assertNoClashWithStored(trx, input.userId, parsed, config.timezone, input.now);
    const rows = await insertSlots(
      trx,
      parsed.map((p) => ({
        supporter_id: input.userId,
        start_at: p.startUtc,
        end_at: endOf(p),
        minutes: p.minutes,
        status: 'open' as const,
        writeup_done_at: null,
        created_at: nowIso,
        updated_at: nowIso,
      })),
    );
    const holidays = new Map(parsed.map((p) => [p.startUtc, p.holiday]));
    const added = rows
      .map((r) => ({ ...r, holiday: holidays.get(r.start_at) }))
      .sort((a, b) => a.start_at.localeCompare(b.start_at));
    const months = [...new Set(added.map((s) => monthOf(s.start_at, config.timezone)))];
    const standings = await Promise.all(months.map((m) => standingOf(trx, config, input.userId, m)));
    return { added, standings };
  });
  let check: Promise<SlotBusyCheck<AddedSlot>> | undefined;
  const busyCheck = () => {
    // Never rejects: the slots are stored whatever happens here; a failure is one line in the reply.
    check ??= checkSlotsAgainstBusy(deps, input.userId, stored.added, input.now).catch(
      (): SlotBusyCheck<AddedSlot> => ({ kind: 'failed', problem: 'unreachable' }),
    );
    return check;
  };
  return { ...stored, busyCheck };
};

const endOf = (p: ParsedSlot): string => toUtcIso(DateTime.fromISO(p.startUtc).plus({ minutes: p.minutes }));

const assertNoClashWithStored = async (
  trx: Parameters<typeof findOverlapping>[0],
  userId: string,
  parsed: ParsedSlot[],
  zone: string,
  now: Date,
) => {
  const from = parsed[0]!.startUtc;
  const to = parsed.map(endOf).sort().at(-1)!;
  const stored = await findOverlapping(trx, userId, from, to);
  for (const p of parsed) {
    const clash = stored.find((s) => overlaps(p, { startUtc: s.start_at, minutes: s.minutes }));
    if (clash) {
      // The table formats the time in the reader's language (i18n/when.ts), like every other date.
      const at = { start: clash.start_at, minutes: clash.minutes, zone, now: toUtcIso(now) };
      throw new DomainError('slot_overlap_existing', { entry: p.entry, id: clash.id, ...at });
    }
  }
};
