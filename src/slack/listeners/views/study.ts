/** The /study modal's submission: field errors on the field (nothing stored), else the session is announced. */
import { DateTime } from 'luxon';
import type { ListenerDeps } from '../../../deps.js';
import { toUtcIso } from '../../../domain/calendar.js';
import { DomainError } from '../../../domain/errors.js';
import { assertCapacity, DEFAULT_STUDY_MINUTES, parseStudyTitle } from '../../../domain/study.js';
import { zoneOf } from '../../../domain/zone.js';
import { messages } from '../../../i18n/index.js';
import { createStudySession, type StudyDraft } from '../../../usecases/study.js';
import { escapeMrkdwn } from '../../blocks/kit.js';
import { STUDY_FIELDS } from '../../blocks/studyModal.js';
import { STUDY_IDS, studyWhen } from '../../blocks/studyPost.js';
import { refreshHome } from '../../home.js';
import { errorReply } from '../../reply.js';
import { postCreatedStudy, studyChannel } from '../../studyPosting.js';
import type { ListenerTable } from '../table.js';
import { confirm, metadataChannel, storeOrFieldErrors } from './submission.js';

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

const FORM = { fields: [...FIELD_BLOCKS], fallback: STUDY_FIELDS.title, what: 'study modal' };

export const register = (table: ListenerTable, deps: ListenerDeps): void => {
  table.view(STUDY_IDS.modal.callback, async (args) => {
    const userId = args.body.user.id;
    const submitted = await storeOrFieldErrors(deps, args, FORM, (now) => {
      studyChannel(deps);
      const draft = draftFrom(args.view.state.values as Values, userId, deps.config.timezone);
      return createStudySession(deps, draft, now);
    });
    if (!submitted) return;
    // Stored and valid, the modal closed: post; a failed post is undone and reported.
    const { stored, locale, now } = submitted;
    const { client } = args;
    const m = messages(locale);
    let text: string;
    try {
      const posted = await postCreatedStudy(deps, client, stored, now);
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
    await confirm(deps, client, { userId, channel: metadataChannel(args.view.private_metadata) }, text);
    await refreshHome(deps, client, userId);
  });
};
