/** The /consult modal's submission: field errors on the field, else the consultation is posted. */
import { DateTime } from 'luxon';
import type { ListenerDeps } from '../../../deps.js';
import { toUtcIso } from '../../../domain/calendar.js';
import { DomainError, isDomainError } from '../../../domain/errors.js';
import type { Plan } from '../../../domain/plans.js';
import { normalizeTag, parseTagList } from '../../../domain/tags.js';
import { zoneOf } from '../../../domain/zone.js';
import { errorText, messages } from '../../../i18n/index.js';
import { createConsultation } from '../../../usecases/consultations.js';
import { CONSULT_FIELDS } from '../../blocks/consultModal.js';
import { postCreatedConsultation } from '../../consultPosting.js';
import { postedReply } from '../../format/consult.js';
import { IDS } from '../../ids.js';
import type { ListenerTable } from '../table.js';
import { storeOrFieldErrors } from './submission.js';

type Values = Record<
  string,
  Record<
    string,
    {
      value?: string | null;
      selected_date?: string | null;
      selected_time?: string | null;
      selected_option?: { value: string } | null;
      selected_options?: Array<{ value: string }>;
    }
  >
>;

const PLANS: readonly Plan[] = ['light', 'first', 'followup'];

/** The consultation the form describes, or a DomainError naming its field. */
const draftFrom = (v: Values, userId: string, zone: string) => {
  const get = (block: string) => v[block]?.value;
  const f = CONSULT_FIELDS;
  const date = get(f.date)?.selected_date ?? '';
  const time = get(f.time)?.selected_time ?? '';
  const start = DateTime.fromISO(`${date}T${time}`, { zone: zoneOf(zone) });
  if (!start.isValid) throw new DomainError('consult_datetime_missing', {}, f.date);
  const planValue = get(f.plan)?.selected_option?.value;
  const plan = PLANS.find((p) => p === planValue);
  const tags = [
    ...(get(f.tags)?.selected_options ?? [])
      .map((o) => normalizeTag(o.value))
      .filter((t): t is string => !!t),
    ...parseTagList(get(f.extraTags)?.value ?? ''),
  ];
  const question = (get(f.question)?.value ?? '').trim();
  if (!question) throw new DomainError('consult_text_missing', {}, f.question);
  const topic = (get(f.topic)?.value ?? '').trim();
  return { userId, startUtc: toUtcIso(start), plan, topic, question, tags: [...new Set(tags)] };
};

const FORM = {
  fields: Object.values(CONSULT_FIELDS),
  fallback: CONSULT_FIELDS.question,
  what: 'consult modal',
};

export const register = (table: ListenerTable, deps: ListenerDeps): void => {
  table.view(IDS.consultModal.callback, async (args) => {
    const userId = args.body.user.id;
    const submitted = await storeOrFieldErrors(deps, args, FORM, (now) =>
      createConsultation(
        deps,
        draftFrom(args.view.state.values as Values, userId, deps.config.timezone),
        now,
      ),
    );
    if (!submitted) return;
    // Stored and valid, the modal closed: post; a failed post is undone and reported.
    const { stored, locale, now } = submitted;
    const { client } = args;
    try {
      const posted = await postCreatedConsultation(deps, client, stored, now);
      const audience = { m: messages(locale), locale, zone: deps.config.timezone, now };
      await client.chat.postMessage({
        channel: userId,
        text: postedReply(audience, posted, deps.config.channels.advice),
      });
    } catch (err) {
      const code = isDomainError(err) ? err.code : 'generic';
      await client.chat.postMessage({ channel: userId, text: `:warning: ${errorText(locale, code, {})}` });
    }
  });
};
