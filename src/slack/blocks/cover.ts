/**
 * The cover (代打) post in the supporters' channel: the session's time and plan only — never the client's
 * alias or topic, which only the session's supporter sees — with a 引き受ける / Take it button while open;
 * once taken it names who took it, once withdrawn it says so (chat.update, no button left).
 */
import type { KnownBlock } from '@slack/types';
import { formatSlotWhen } from '../../domain/calendar.js';
import type { Locale, Messages } from '../../i18n/index.js';
import type { CoverView } from '../../usecases/cover.js';
import { IDS } from '../ids.js';
import { button, section } from './kit.js';

export type CoverPostView = CoverView & { m: Messages; locale: Locale; zone: string; now: Date };

export const coverWhen = (v: Pick<CoverPostView, 'slot' | 'zone' | 'locale' | 'now'>) =>
  formatSlotWhen(v.slot.start_at, v.slot.minutes, v.zone, v.locale, v.now);

export const coverPost = (v: CoverPostView): { text: string; blocks: KnownBlock[] } => {
  const p = { when: coverWhen(v), plan: v.session.plan, asker: v.request.requested_by };
  const { status, taken_by } = v.request;
  if (status === 'taken') {
    const text = v.m.sessions.coverPostTaken({ ...p, taker: taken_by ?? '' });
    return { text, blocks: [section(text)] };
  }
  if (status === 'cancelled') {
    const text = v.m.sessions.coverPostWithdrawn(p);
    return { text, blocks: [section(text)] };
  }
  const text = v.m.sessions.coverPost(p);
  const take = button(
    v.m.sessions.coverTakeButton({}),
    IDS.actions.coverTake,
    String(v.request.id),
    'primary',
  );
  return { text, blocks: [section(text), { type: 'actions', elements: [take] }] };
};
