/** The /consult modal's submission: field errors on the field, else the consultation is posted. */
import { DateTime } from 'luxon';
import type { ListenerDeps } from '../../../deps.js';
import { toUtcIso } from '../../../domain/calendar.js';
import { DomainError, isDomainError } from '../../../domain/errors.js';
import type { Plan } from '../../../domain/plans.js';
import { normalizeTag, parseTagList } from '../../../domain/tags.js';
import { zoneOf } from '../../../domain/zone.js';
import { errorText, messages } from '../../../i18n/index.js';
import { type CreatedConsultation, createConsultation } from '../../../usecases/consultations.js';
import { CONSULT_FIELDS } from '../../blocks/consultModal.js';
import { postCreatedConsultation } from '../../consultPosting.js';
import { postedReply } from '../../format/consult.js';
import { IDS } from '../../ids.js';
import type { ListenerTable } from '../table.js';
import { fieldErrors } from './fieldErrors.js';

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

export const register = (table: ListenerTable, deps: ListenerDeps): void => {
  table.view(IDS.consultModal.callback, async ({ ack, body, view, client }) => {
    const now = deps.clock();
    const userId = body.user.id;
    // Field errors travel in the ack (response_action: errors), within Slack's 3 s: only local data
    // (the stored or remembered language) before it; users.info, if needed, after it.
    const known = await deps.locales.known(userId, now);
    const v = view.state.values as Values;
    const get = (block: string) => v[block]?.value;
    const f = CONSULT_FIELDS;
    let created: CreatedConsultation;
    try {
      const date = get(f.date)?.selected_date ?? '';
      const time = get(f.time)?.selected_time ?? '';
      const start = DateTime.fromISO(`${date}T${time}`, { zone: zoneOf(deps.config.timezone) });
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
      const draft = { userId, startUtc: toUtcIso(start), plan, topic, question, tags: [...new Set(tags)] };
      created = await createConsultation(deps, draft, now);
    } catch (err) {
      const fields = Object.values(CONSULT_FIELDS);
      await ack(
        fieldErrors(err, {
          locale: known ?? deps.config.defaultLocale,
          logger: deps.logger,
          fields,
          fallback: f.question,
          what: 'consult modal',
        }),
      );
      return;
    }
    // Stored and valid: close the modal now (Slack's 3 s), then post; a failed post is undone and reported.
    await ack();
    const locale = known ?? (await deps.locales.forUser(client, userId, now));
    const m = messages(locale);
    try {
      const posted = await postCreatedConsultation(deps, client, created, now);
      await client.chat.postMessage({
        channel: userId,
        text: postedReply(
          { m, locale, zone: deps.config.timezone, now },
          posted,
          deps.config.channels.advice,
        ),
      });
    } catch (err) {
      const code = isDomainError(err) ? err.code : 'generic';
      await client.chat.postMessage({ channel: userId, text: `:warning: ${errorText(locale, code, {})}` });
    }
  });
};
