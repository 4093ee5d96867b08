/** Text replies for /slots and /supporter (mrkdwn), in the user's language. */

import type { Slot } from '../../db/schema.js';
import { formatSlotWhen, monthOf } from '../../domain/calendar.js';
import { missingSlots } from '../../domain/quota.js';
import type { Locale, Messages } from '../../i18n/index.js';
import type { AddSlotsResult } from '../../usecases/addSlots.js';
import type { ListSlotsResult } from '../../usecases/listSlots.js';
import type { SupporterStanding } from '../../usecases/standing.js';

/** Who is reading and when: years are shown only for months and slots outside now's year. */
export type Audience = { m: Messages; locale: Locale; zone: string; now: Date };

/** "12月: 4/5 枠 — あと1枠". */
export const standingLine = (a: Audience, s: SupporterStanding): string =>
  a.m.slots.progress({
    month: s.month,
    count: s.count,
    quota: s.quota,
    missing: missingSlots(s),
    ...(monthOf(a.now, a.zone).slice(0, 4) !== s.month.slice(0, 4) ? { showYear: 1 } : {}),
    ...(s.away ? { away: 1 } : {}),
    ...(s.exempt ? { exempt: 1 } : {}),
  });

export const slotWhen = (a: Audience, slot: Pick<Slot, 'start_at' | 'minutes'>): string =>
  formatSlotWhen(slot.start_at, slot.minutes, a.zone, a.locale, a.now);

const slotLine = (a: Audience, slot: Slot, withStatus: boolean) =>
  `\`#${slot.id}\` ${slotWhen(a, slot)} (${a.m.common.minutes({ n: slot.minutes })})` +
  (withStatus ? ` — ${a.m.slots.status({ status: slot.status })}` : '');

/** `notes`: lines about the added slots (the busy-calendar warnings, format/busy.ts). */
export const addedReply = (
  a: Audience,
  r: Pick<AddSlotsResult, 'added' | 'standings'>,
  notes: readonly string[] = [],
): string =>
  [
    a.m.slots.added({ n: r.added.length }),
    ...r.added.map((s) => `• ${slotLine(a, s, false)}`),
    ...notes,
    '',
    ...r.standings.map((s) => standingLine(a, s)),
  ].join('\n');

export const listReply = (a: Audience, r: ListSlotsResult): string =>
  [
    a.m.slots.listHeader({ month: r.month }),
    ...(r.slots.length ? r.slots.map((s) => `• ${slotLine(a, s, true)}`) : [a.m.slots.listEmpty({})]),
    '',
    standingLine(a, r.standing),
  ].join('\n');
