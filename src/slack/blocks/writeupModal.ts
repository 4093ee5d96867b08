/**
 * The strengths write-up builder modal, and the text it makes for the client. One field per template
 * entry (domain/writeupTemplate.ts) with a hint under it in the supporter's language.
 *
 * Saving: a modal has exactly one submit button (https://api.slack.com/reference/surfaces/views: `submit`
 * is a single plain_text object), so 保存 is the submit and 完成 is a checkbox in the form. Unticked, the
 * submission keeps a draft and answers `response_action: update` with the same view, filled in and saying
 * it was saved (https://api.slack.com/surfaces/modals#updating_response); inputs keep their block_id and
 * action_id, which is what lets Slack keep what the user typed across an update
 * (https://api.slack.com/reference/surfaces/views, "Preserving input entry"). Ticked, the modal closes
 * and the formatted text comes by DM. Limits: title/submit/close ≤ 24 characters, a plain_text_input's
 * max_length ≤ 3000, a hint ≤ 2000 (https://api.slack.com/reference/block-kit/blocks#input).
 */
import type { KnownBlock, ModalView } from '@slack/types';
import type { Plan } from '../../domain/plans.js';
import {
  WRITEUP_FIELD_MAX,
  WRITEUP_TEMPLATES,
  type WriteupDraft,
  type WriteupField,
} from '../../domain/writeupTemplate.js';
import type { Messages } from '../../i18n/index.js';
import type { WriteupContext } from '../../usecases/writeupBuilder.js';
import { type Audience, slotWhen } from '../format/slots.js';
import { escapeMrkdwn, inputBlock, mrkdwn, option, plain, section } from './kit.js';

export const WRITEUP_IDS = {
  modal: 'writeup_modal',
  finishBlock: 'writeup_finish',
  finishValue: 'finish',
  open: 'writeup_open',
  sent: 'writeup_sent',
  outcome: {
    held: 'session_outcome_held',
    no_show: 'session_outcome_no_show',
    cancelled: 'session_outcome_cancelled',
  },
} as const;

export type WriteupModalMetadata = { session: number };

const label = (m: Messages, f: WriteupField): string => {
  const w = m.writeups;
  switch (f.kind) {
    case 'strength':
      return w.fieldStrength({ n: f.n ?? 1 });
    case 'episode':
      return w.fieldEpisode({ n: f.n ?? 1 });
    case 'values':
      return w.fieldValues({});
    case 'changed':
      return w.fieldChanged({});
    default:
      return w.fieldNext({});
  }
};

/** Every field key of every template (a modal's field errors may name any of them). */
export const ALL_WRITEUP_KEYS: readonly string[] = [
  ...new Set(Object.values(WRITEUP_TEMPLATES).flatMap((fields) => fields.map((f) => f.key))),
];

/** A field's label by its key (`strength_2` → 強み 2), for messages that name missing fields. */
export const fieldLabel = (m: Messages, key: string): string => {
  const field = Object.values(WRITEUP_TEMPLATES)
    .flat()
    .find((f) => f.key === key);
  return field ? label(m, field) : key;
};

const hint = (m: Messages, f: WriteupField): string => {
  const w = m.writeups;
  const hints = {
    strength: w.hintStrength,
    episode: w.hintEpisode,
    values: w.hintValues,
    changed: w.hintChanged,
    next: w.hintNext,
  };
  return hints[f.kind]({});
};

/** What the session is: its time, plan and alias (escaped), for every message about it. */
export const aboutSession = (
  a: Audience,
  s: { start_at: string; minutes: number; plan: Plan; client_alias: string },
) => ({ when: slotWhen(a, s), plan: s.plan, alias: escapeMrkdwn(s.client_alias) });

export const buildWriteupModal = (
  a: Audience,
  ctx: WriteupContext,
  notes: { savedAt?: Date; findings?: ReadonlyArray<{ fragment: string }> } = {},
): ModalView => {
  const { m } = a;
  const w = m.writeups;
  const s = ctx.session;
  const fields = WRITEUP_TEMPLATES[s.plan];
  const blocks: KnownBlock[] = [section(w.modalIntro(aboutSession(a, s)))];
  if (s.plan === 'followup') {
    blocks.push(
      section(
        ctx.previous
          ? w.lastNextStep({
              when: slotWhen(a, { start_at: ctx.previous.startUtc, minutes: ctx.previous.minutes }),
              text: escapeMrkdwn(ctx.previous.text).replace(/\n/g, '\n>'),
            })
          : w.noLastNextStep({}),
      ),
    );
  }
  if (notes.savedAt) {
    const time = notes.savedAt.toLocaleTimeString('ja-JP', {
      timeZone: a.zone,
      hour: '2-digit',
      minute: '2-digit',
    });
    blocks.push({ type: 'context', elements: [mrkdwn(w.savedNote({ time, id: s.id }))] });
  }
  for (const f of (notes.findings ?? []).slice(0, 3)) {
    blocks.push({
      type: 'context',
      elements: [mrkdwn(w.piiWarning({ fragment: escapeMrkdwn(f.fragment) }))],
    });
  }
  for (const f of fields) {
    const initial = ctx.draft[f.key];
    blocks.push({
      ...inputBlock(
        f.key,
        label(m, f),
        {
          type: 'plain_text_input',
          multiline: true,
          max_length: WRITEUP_FIELD_MAX,
          ...(initial ? { initial_value: initial } : {}),
        },
        true,
      ),
      hint: plain(hint(m, f), 2000),
    } as KnownBlock);
  }
  blocks.push({
    ...inputBlock(
      WRITEUP_IDS.finishBlock,
      w.finishLabel({}),
      { type: 'checkboxes', options: [option(w.finishOption({}), WRITEUP_IDS.finishValue)] },
      true,
    ),
    hint: plain(w.finishHint({}), 2000),
  } as KnownBlock);
  const metadata: WriteupModalMetadata = { session: s.id };
  return {
    type: 'modal',
    callback_id: WRITEUP_IDS.modal,
    private_metadata: JSON.stringify(metadata),
    title: plain(w.modalTitle({}), 24),
    submit: plain(w.modalSubmit({}), 24),
    close: plain(w.modalClose({}), 24),
    blocks,
  };
};

/**
 * The write-up as the client will read it, plain text (no mrkdwn): a heading per part, each strength with
 * its episode, then the values and the next step.
 */
export const formatWriteupDoc = (m: Messages, plan: Plan, draft: WriteupDraft): string => {
  const w = m.writeups;
  const parts: string[] = [];
  for (const f of WRITEUP_TEMPLATES[plan]) {
    const text = draft[f.key];
    if (!text) continue;
    // An episode goes under its strength (or under the strength's heading when that was left empty).
    if (f.kind === 'episode' && draft[`strength_${f.n}`] && parts.length) {
      parts[parts.length - 1] = `${parts[parts.length - 1]}\n${text}`;
      continue;
    }
    const heading =
      f.kind === 'strength' || f.kind === 'episode'
        ? w.docStrength({ n: f.n ?? 1 })
        : f.kind === 'values'
          ? w.docValues({})
          : f.kind === 'changed'
            ? w.docChanged({})
            : w.docNext({});
    parts.push(`${heading}\n${text}`);
  }
  return parts.join('\n\n');
};
