/** The /study modal's submission: field errors on the field (nothing stored), else the session is announced. */
import { DateTime } from 'luxon';
import type { ListenerDeps } from '../../../deps.js';
import { toUtcIso } from '../../../domain/calendar.js';
import { DomainError } from '../../../domain/errors.js';
import { assertCapacity, DEFAULT_STUDY_MINUTES, parseStudyTitle } from '../../../domain/study.js';
import { zoneOf } from '../../../domain/zone.js';
import { messages } from '../../../i18n/index.js';
import { createStudySession, type StudyDraft, type StudySession } from '../../../usecases/study.js';
import { escapeMrkdwn } from '../../blocks/kit.js';
import { STUDY_FIELDS, type StudyModalMetadata } from '../../blocks/studyModal.js';
import { STUDY_IDS, studyWhen } from '../../blocks/studyPost.js';
import { refreshHome } from '../../home.js';
import { errorReply } from '../../reply.js';
import { postCreatedStudy, studyChannel } from '../../studyPosting.js';
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
      selected_user?: string | null;
    }
  >
>;

const FIELD_BLOCKS = new Set<string>(Object.values(STUDY_FIELDS));

const numberOf = (text: string | null | undefined): number | undefined => {
  const t = (text ?? '').normalize('NFKC').trim();
  return t ? Number(t) : undefined;
};

/** The draft from the form, or a DomainError naming its field. */
const draftFrom = (v: Values, userId: string, zone: string): StudyDraft => {
  const f = STUDY_FIELDS;
  const get = (block: string) => v[block]?.value;
  const { title, tags } = parseStudyTitle(get(f.title)?.value ?? '');
  const date = get(f.date)?.selected_date ?? '';
  const time = get(f.time)?.selected_time ?? '';
  const start = DateTime.fromISO(`${date}T${time}`, { zone: zoneOf(zone) });
  if (!date || !time || !start.isValid) {
    throw new DomainError('study_when_invalid', { text: `${date} ${time}`.trim() }, f.date);
  }
  const capacity = numberOf(get(f.capacity)?.value);
  return {
    createdBy: userId,
    hostId: get(f.host)?.selected_user || userId,
    title,
    description: get(f.description)?.value ?? '',
    tags,
    startUtc: toUtcIso(start),
    minutes: numberOf(get(f.minutes)?.value) ?? DEFAULT_STUDY_MINUTES,
    capacity: capacity === undefined ? undefined : assertCapacity(capacity),
  };
};

const metadataOf = (raw: string | undefined): StudyModalMetadata => {
  try {
    const parsed = JSON.parse(raw || '{}') as StudyModalMetadata;
    return typeof parsed === 'object' && parsed ? parsed : {};
  } catch {
    return {};
  }
};

export const register = (table: ListenerTable, deps: ListenerDeps): void => {
  table.view(STUDY_IDS.modal.callback, async ({ ack, body, view, client }) => {
    const now = deps.clock();
    const userId = body.user.id;
    // Only local data before the ack (it carries the field errors within Slack's 3 s); see consult.ts.
    const known = await deps.locales.known(userId, now);
    let session: StudySession;
    try {
      studyChannel(deps);
      const draft = draftFrom(view.state.values as Values, userId, deps.config.timezone);
      session = await createStudySession(deps, draft, now);
    } catch (err) {
      const fields = [...FIELD_BLOCKS];
      await ack(
        fieldErrors(err, {
          locale: known ?? deps.config.defaultLocale,
          logger: deps.logger,
          fields,
          fallback: STUDY_FIELDS.title,
          what: 'study modal',
        }),
      );
      return;
    }
    // Stored and valid: close the modal now (Slack's 3 s), then post; a failed post is undone and reported.
    await ack();
    const locale = known ?? (await deps.locales.forUser(client, userId, now));
    const m = messages(locale);
    let text: string;
    try {
      const posted = await postCreatedStudy(deps, client, session, now);
      text = m.study.added({
        id: posted.session.id,
        title: escapeMrkdwn(posted.session.title),
        when: studyWhen({ zone: deps.config.timezone, locale, now }, posted.session),
        link: posted.link ?? '',
        channel: posted.channel,
      });
    } catch (err) {
      // Its params may quote the title: errorReply escapes them for mrkdwn.
      text = errorReply(locale, err, deps.logger).text;
    }
    const { channel } = metadataOf(view.private_metadata);
    await (channel
      ? client.chat.postEphemeral({ channel, user: userId, text })
      : Promise.reject(new Error('no channel'))
    )
      .catch(() => client.chat.postMessage({ channel: userId, text }))
      .catch((err: unknown) => deps.logger.warn({ err }, 'could not confirm a study session'));
    await refreshHome(deps, client, userId);
  });
};
